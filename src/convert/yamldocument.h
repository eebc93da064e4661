#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace Cloudcraft::Core {

/// What readYaml() made of a file: the first document as JSON values, or one sentence saying what is wrong.
struct YamlReadResult
{
    QJsonValue value;
    QString error; ///< names the file, the line and the problem; empty on success
    bool ok() const { return error.isEmpty(); }
};

/// How readYaml() treats application tags such as `!Ref`.
enum class YamlTags {
    Keep,          ///< a tagged node becomes {"!Tag": value} so nothing is lost
    CloudFormation ///< CloudFormation's short forms become their long forms: !Ref x → {"Ref": x}, !Sub → {"Fn::Sub"},
                   ///< !GetAtt a.b → {"Fn::GetAtt": ["a", "b"]}, !Condition → {"Condition"}; any other !X → {"Fn::X"}
};

/// Parses the first document of a YAML 1.1 stream (libyaml) into JSON values: mappings become objects, sequences
/// arrays, plain scalars null/bool/number when they look like one (strings otherwise), quoted scalars strings.
/// Anchors, aliases and `<<` merge keys are resolved; the nesting depth and the number of values (alias bombs) are
/// capped. Keys that are not scalars are refused.
YamlReadResult readYaml(const QByteArray &bytes, const QString &fileName, YamlTags tags = YamlTags::Keep);

} // namespace Cloudcraft::Core
