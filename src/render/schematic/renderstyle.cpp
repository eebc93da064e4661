#include "render/schematic/renderstyle.h"

#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Cloudcraft::Core::RenderStyle {

namespace {

bool startsWithAny(const QString &type, std::initializer_list<QStringView> prefixes)
{
    for (QStringView prefix : prefixes) {
        if (type.startsWith(prefix))
            return true;
    }
    return false;
}

QColor parseColorString(const QString &raw)
{
    const QString text = raw.trimmed().toLower();
    if (text.isEmpty())
        return {};
    if (text == u"none" || text == u"transparent")
        return QColor(Qt::transparent);
    // CSS functional notation; QColor does not read it.
    static const QRegularExpression functional(
        uR"(^rgba?\(\s*([0-9.]+)\s*,\s*([0-9.]+)\s*,\s*([0-9.]+)\s*(?:,\s*([0-9.]+)\s*)?\)$)"_s);
    const QRegularExpressionMatch match = functional.match(text);
    if (match.hasMatch()) {
        auto channel = [](const QString &value) { return std::clamp(qRound(value.toDouble()), 0, 255); };
        QColor color(channel(match.captured(1)), channel(match.captured(2)), channel(match.captured(3)));
        if (match.hasCaptured(4))
            color.setAlphaF(static_cast<float>(std::clamp(match.captured(4).toDouble(), 0.0, 1.0)));
        return color;
    }
    // Only #rgb / #rrggbb and plain names: Qt reads 8 hex digits as #aarrggbb, CSS as #rrggbbaa; avoid the ambiguity.
    static const QRegularExpression accepted(uR"(^(#[0-9a-f]{3}|#[0-9a-f]{6}|[a-z]{3,30})$)"_s);
    if (!accepted.match(text).hasMatch())
        return {};
    QColor color = QColor::fromString(text);
    return color.isValid() ? color : QColor();
}

} // namespace

TypeFamily familyOf(const QString &rawType)
{
    const QString type = rawType.toLower();
    if (type.startsWith(u"azure"))
        return TypeFamily::Azure;
    if (startsWithAny(type,
            { u"ec2", u"lambda", u"ecs", u"eks", u"fargate", u"batch", u"lightsail", u"beanstalk", u"elasticbeanstalk",
                u"emr", u"sagemaker", u"glue", u"block" }))
        return TypeFamily::Compute;
    if (startsWithAny(type, { u"s3", u"ebs", u"efs", u"fsx", u"glacier", u"backup", u"storagegateway", u"ecr" }))
        return TypeFamily::Storage;
    if (startsWithAny(type,
            { u"rds", u"dynamodb", u"elasticache", u"redshift", u"docdb", u"neptune", u"aurora", u"es", u"opensearch",
                u"timestream", u"keyspaces", u"memorydb", u"athena" }))
        return TypeFamily::Database;
    if (startsWithAny(type,
            { u"elb", u"alb", u"nlb", u"cloudfront", u"r53", u"route53", u"apigateway", u"natgateway",
                u"internetgateway", u"vpngateway", u"customergateway", u"vpcgateway", u"transitgateway",
                u"dxconnection", u"vpcendpoint", u"globalaccelerator", u"waf", u"shield" }))
        return TypeFamily::Network;
    return TypeFamily::Other;
}

QColor familyColor(TypeFamily family)
{
    switch (family) {
    case TypeFamily::Compute:
        return QColor(0xd8, 0x66, 0x13);
    case TypeFamily::Storage:
        return QColor(0x3f, 0x86, 0x24);
    case TypeFamily::Database:
        return QColor(0x3b, 0x48, 0xcc);
    case TypeFamily::Network:
        return QColor(0x8c, 0x4f, 0xff);
    case TypeFamily::Azure:
        return QColor(0x00, 0x78, 0xd4);
    case TypeFamily::Other:
        break;
    }
    return QColor(0x7d, 0x89, 0x98);
}

QColor groupColor(const QString &rawType)
{
    const QString type = rawType.toLower();
    if (type == u"vpc" || type == u"azurevnet")
        return QColor(0x24, 0x88, 0x14);
    if (type == u"subnet" || type == u"azuresubnet")
        return QColor(0x14, 0x7e, 0xba);
    if (type == u"sg" || type == u"azurensg")
        return QColor(0xdd, 0x35, 0x22);
    if (type == u"asg" || type == u"azurevmss")
        return QColor(0xf5, 0xb7, 0x20);
    if (type == u"region")
        return QColor(0x54, 0x62, 0x6f);
    return QColor(0x60, 0x7d, 0x8b);
}

QString typeTag(const QString &rawType)
{
    // Common long type names get the abbreviations engineers use, so the tag fits in a one-tile box.
    static const QHash<QString, QString> abbreviations = {
        { u"internetgateway"_s, u"IGW"_s },
        { u"natgateway"_s, u"NAT"_s },
        { u"vpngateway"_s, u"VGW"_s },
        { u"customergateway"_s, u"CGW"_s },
        { u"transitgateway"_s, u"TGW"_s },
        { u"vpcgateway"_s, u"VPCE"_s },
        { u"vpcendpoint"_s, u"VPCE"_s },
        { u"apigateway"_s, u"APIGW"_s },
        { u"cloudfront"_s, u"CDN"_s },
        { u"elasticache"_s, u"CACHE"_s },
        { u"dynamodb"_s, u"DDB"_s },
        { u"redshift"_s, u"RSHIFT"_s },
        { u"dxconnection"_s, u"DX"_s },
        { u"elasticbeanstalk"_s, u"EB"_s },
        { u"azureappgateway"_s, u"APPGW"_s },
        { u"azurefunctions"_s, u"FUNC"_s },
        { u"azureappservice"_s, u"APP"_s },
        { u"azurecosmosdb"_s, u"COSMOS"_s },
    };
    const auto known = abbreviations.constFind(rawType.trimmed().toLower());
    if (known != abbreviations.cend())
        return *known;
    QString type = rawType.trimmed();
    if (type.startsWith(u"azure", Qt::CaseInsensitive) && type.size() > 5)
        type = type.mid(5);
    if (type.isEmpty())
        return u"?"_s;
    return type.left(7).toUpper();
}

QColor parseColor(const QJsonValue &value)
{
    if (value.isString())
        return parseColorString(value.toString());
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        // Our drawing is top-down, so the 2d colour is the right one; fall back to the isometric one.
        QColor color = parseColorString(object.value(u"2d").toString());
        if (!color.isValid())
            color = parseColorString(object.value(u"isometric").toString());
        return color;
    }
    return {};
}

QColor contrastingText(const QColor &background)
{
    const double luminance = 0.299 * background.redF() + 0.587 * background.greenF() + 0.114 * background.blueF();
    return luminance > 0.6 ? QColor(0x23, 0x2f, 0x3e) : QColor(Qt::white);
}

QColor flattened(const QColor &color, const QColor &background)
{
    if (!color.isValid() || color.alpha() == 255)
        return color;
    const double a = color.alphaF();
    auto mix = [a](int front, int back) { return std::clamp(qRound(front * a + back * (1.0 - a)), 0, 255); };
    return QColor(mix(color.red(), background.red()), mix(color.green(), background.green()),
        mix(color.blue(), background.blue()));
}

} // namespace Cloudcraft::Core::RenderStyle
