#include "api/apiparse.h"

#include "util/redact.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>

namespace Cloudcraft::Core::ApiParse {

namespace {

using Kind = ApiError::Kind;

ApiError invalid(const QString &detail)
{
    return ApiError(Kind::InvalidResponse, 0, {}, detail);
}

// Offset of the first byte that is not part of well-formed UTF-8 (no overlongs, no surrogates), or -1.
qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char c = data[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        char32_t min = 0;
        char32_t code = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1, min = 0x80, code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2, min = 0x800, code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3, min = 0x10000, code = c & 0x07;
        } else {
            return i;
        }
        if (i + extra >= size)
            return i;
        for (int k = 1; k <= extra; ++k) {
            const unsigned char cc = data[i + k];
            if ((cc & 0xC0) != 0x80)
                return i;
            code = (code << 6) | (cc & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return i;
        i += extra + 1;
    }
    return -1;
}

// Offset where nesting first exceeds maxDepth, or -1. Strings are skipped so brackets inside them do not count.
qsizetype tooDeepAt(const QByteArray &bytes, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return -1;
}

QString jsonErrorText(QJsonParseError::ParseError error)
{
    switch (error) {
    case QJsonParseError::UnterminatedObject: return QStringLiteral("an object is not closed (the body may be cut off)");
    case QJsonParseError::UnterminatedArray: return QStringLiteral("an array is not closed (the body may be cut off)");
    case QJsonParseError::UnterminatedString: return QStringLiteral("a string is not closed (the body may be cut off)");
    case QJsonParseError::MissingNameSeparator: return QStringLiteral("a ':' is missing");
    case QJsonParseError::MissingValueSeparator: return QStringLiteral("a ',' is missing");
    case QJsonParseError::IllegalValue: return QStringLiteral("a value is not valid JSON");
    case QJsonParseError::TerminationByNumber: return QStringLiteral("the body ends inside a number");
    case QJsonParseError::IllegalNumber: return QStringLiteral("a number is not valid or out of range");
    case QJsonParseError::IllegalEscapeSequence: return QStringLiteral("a string has an invalid escape sequence");
    case QJsonParseError::IllegalUTF8String: return QStringLiteral("a string is not valid UTF-8");
    case QJsonParseError::GarbageAtEnd: return QStringLiteral("there is extra data after the JSON value");
    case QJsonParseError::DeepNesting: return QStringLiteral("the JSON is nested too deeply");
    case QJsonParseError::DocumentTooLarge: return QStringLiteral("the JSON document is too large");
    case QJsonParseError::MissingObject: return QStringLiteral("an object was expected");
    case QJsonParseError::NoError: break;
    }
    return QStringLiteral("it is not valid JSON");
}

// Numbers that overflow to infinity are data corruption, not a value we can keep.
bool hasNonFinite(const QJsonValue &value)
{
    if (value.isDouble())
        return !std::isfinite(value.toDouble());
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array) {
            if (hasNonFinite(item))
                return true;
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (hasNonFinite(it.value()))
                return true;
        }
    }
    return false;
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: return QStringLiteral("missing");
    }
    return QStringLiteral("unknown");
}

// Field readers. `what` names the record for error messages ("blueprint 3").
class Reader
{
public:
    Reader(const QJsonObject &object, QString what)
        : m_object(object)
        , m_what(std::move(what))
    {
    }

    QString text(const char *key) const
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isString())
            return value.toString();
        return idString(value);
    }

    // A required id: string or number, never empty.
    QString id(const char *key = "id")
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        const QString result = idString(value);
        if (result.isEmpty() && !m_error)
            m_error = invalid(QStringLiteral("the field \"%1\" of %2 is %3, expected an id")
                                  .arg(QLatin1String(key), m_what, typeName(value)));
        return result;
    }

    bool flag(const char *key) const { return m_object.value(QLatin1String(key)).toBool(); }

    QDateTime date(const char *key) const
    {
        return QDateTime::fromString(m_object.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
    }

    // null, missing and {} are empty; a string is a one-element list; other types are an error.
    QStringList list(const char *key)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        QStringList result;
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (const QJsonValue &item : array) {
                const QString entry = item.isString() ? item.toString() : idString(item);
                if (!entry.isEmpty())
                    result.append(entry);
            }
        } else if (value.isString()) {
            result.append(value.toString());
        } else if (!(value.isNull() || value.isUndefined() || (value.isObject() && value.toObject().isEmpty()))) {
            if (!m_error)
                m_error = invalid(QStringLiteral("the field \"%1\" of %2 is %3, expected a list")
                                      .arg(QLatin1String(key), m_what, typeName(value)));
        }
        return result;
    }

    QJsonObject object(const char *key) const { return m_object.value(QLatin1String(key)).toObject(); }
    const ApiError &error() const { return m_error; }

private:
    const QJsonObject &m_object;
    QString m_what;
    ApiError m_error;
};

ApiError expectObject(const QJsonValue &json, const QString &what)
{
    if (json.isObject())
        return {};
    return invalid(QStringLiteral("%1 is %2, expected an object").arg(what, typeName(json)));
}

// The list under `key`: missing key or {} → empty; an array → its entries; anything else → error.
ApiResult<QJsonArray> listUnder(const QJsonValue &json, const QString &key, const QString &what)
{
    if (json.isArray())
        return {json.toArray(), {}};
    if (!json.isObject())
        return {{}, invalid(QStringLiteral("the %1 list is %2, expected an object or an array").arg(what, typeName(json)))};
    const QJsonValue value = json.toObject().value(key);
    if (value.isArray())
        return {value.toArray(), {}};
    if (value.isUndefined() || value.isNull() || (value.isObject() && value.toObject().isEmpty()))
        return {{}, {}};
    return {{}, invalid(QStringLiteral("\"%1\" is %2, expected a list").arg(key, typeName(value)))};
}

template <typename T>
ApiResult<QList<T>> parseList(const QJsonValue &json, const QString &key, const QString &what,
                              ApiResult<T> (*parseOne)(const QJsonValue &))
{
    const auto array = listUnder(json, key, what);
    if (!array.ok())
        return {{}, array.error};
    QList<T> items;
    items.reserve(array.value.size());
    for (qsizetype i = 0; i < array.value.size(); ++i) {
        auto item = parseOne(array.value.at(i));
        if (!item.ok()) {
            return {{}, invalid(QStringLiteral("entry %1 of the %2 list: %3").arg(i + 1).arg(what, item.error.detail()))};
        }
        items.append(std::move(item.value));
    }
    return {items, {}};
}

ApiResult<BlueprintSummary> summaryFrom(const QJsonValue &json, bool idRequired)
{
    if (auto error = expectObject(json, QStringLiteral("the blueprint")))
        return {{}, error};
    const QJsonObject object = json.toObject();
    Reader r(object, QStringLiteral("the blueprint"));
    BlueprintSummary s;
    s.id = idRequired ? r.id() : r.text("id");
    s.name = r.text("name");
    s.tags = r.list("tags");
    s.readAccess = r.list("readAccess");
    s.writeAccess = r.list("writeAccess");
    s.createdAt = r.date("createdAt");
    s.updatedAt = r.date("updatedAt");
    s.creatorId = r.text("CreatorId");
    s.lastUserId = r.text("LastUserId");
    s.customerId = r.text("CustomerId");
    s.currentVersionId = r.text("CurrentVersionId");
    s.raw = object;
    return {s, r.error()};
}

ApiResult<BlueprintSummary> listEntry(const QJsonValue &json)
{
    return summaryFrom(json, true);
}

ApiResult<Team> team(const QJsonValue &json)
{
    if (auto error = expectObject(json, QStringLiteral("the team")))
        return {{}, error};
    const QJsonObject object = json.toObject();
    Reader r(object, QStringLiteral("the team"));
    Team t;
    t.id = r.id();
    t.name = r.text("name");
    t.customerId = r.text("customerId");
    t.role = r.text("role");
    t.visible = r.flag("visible");
    t.crossOrganizational = r.flag("crossOrganizational");
    t.externalSharing = r.flag("externalSharing");
    t.createdAt = r.date("createdAt");
    t.updatedAt = r.date("updatedAt");
    t.raw = object;
    const QJsonValue members = object.value(QLatin1String("members"));
    QJsonArray memberArray;
    if (members.isArray())
        memberArray = members.toArray();
    else if (members.isObject() && !members.toObject().isEmpty())
        memberArray.append(members); // the spec's example shows one object where a list is meant
    for (const QJsonValue &value : std::as_const(memberArray)) {
        if (!value.isObject())
            continue;
        const QJsonObject m = value.toObject();
        Reader mr(m, QStringLiteral("a team member"));
        TeamMember member;
        member.id = mr.text("id");
        member.role = mr.text("role");
        member.userId = mr.text("userId");
        member.name = mr.text("name");
        member.email = mr.text("email");
        member.mfaEnabled = mr.flag("mfaEnabled");
        member.raw = m;
        t.members.append(member);
    }
    return {t, r.error()};
}

} // namespace

ApiResult<QJsonValue> decodeJson(const QByteArray &bytes, int maxDepth)
{
    if (bytes.trimmed().isEmpty())
        return {{}, invalid(QStringLiteral("the body is empty, expected JSON"))};
    if (const qsizetype bad = firstInvalidUtf8(bytes); bad >= 0)
        return {{}, invalid(QStringLiteral("the text is not valid UTF-8 (byte %1)").arg(bad))};
    if (const qsizetype deep = tooDeepAt(bytes, maxDepth); deep >= 0)
        return {{}, invalid(QStringLiteral("the JSON is nested deeper than %1 levels (byte %2)").arg(maxDepth).arg(deep))};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return {{}, invalid(QStringLiteral("invalid JSON: %1 (byte %2)").arg(jsonErrorText(parseError.error)).arg(parseError.offset))};
    QJsonValue value;
    if (document.isArray())
        value = document.array();
    else if (document.isObject())
        value = document.object();
    else
        return {{}, invalid(QStringLiteral("invalid JSON: expected an object or an array"))};
    if (hasNonFinite(value))
        return {{}, invalid(QStringLiteral("invalid JSON: a number is out of range"))};
    return {value, {}};
}

ApiResult<User> user(const QJsonValue &json)
{
    if (auto error = expectObject(json, QStringLiteral("the user")))
        return {{}, error};
    const QJsonObject object = json.toObject();
    Reader r(object, QStringLiteral("the user"));
    User u;
    u.id = r.id();
    u.name = r.text("name");
    u.email = r.text("email");
    u.settings = r.object("settings");
    u.createdAt = r.date("createdAt");
    u.updatedAt = r.date("updatedAt");
    u.accessedAt = r.date("accessedAt");
    u.raw = object;
    return {u, r.error()};
}

ApiResult<QList<Team>> teams(const QJsonValue &json)
{
    if (json.isObject()) {
        const QJsonObject object = json.toObject();
        if (!object.contains(QLatin1String("teams")) && object.contains(QLatin1String("id"))) {
            auto single = team(json);
            if (!single.ok())
                return {{}, single.error};
            return {{single.value}, {}};
        }
    }
    return parseList<Team>(json, QStringLiteral("teams"), QStringLiteral("team"), &team);
}

ApiResult<QList<BlueprintSummary>> blueprintList(const QJsonValue &json)
{
    return parseList<BlueprintSummary>(json, QStringLiteral("blueprints"), QStringLiteral("blueprint"), &listEntry);
}

ApiResult<Blueprint> blueprint(const QJsonValue &json, const QString &etag)
{
    auto summary = summaryFrom(json, false);
    if (!summary.ok())
        return {{}, summary.error};
    const QJsonValue data = json.toObject().value(QLatin1String("data"));
    if (!data.isObject())
        return {{}, invalid(QStringLiteral("the blueprint's \"data\" is %1, expected an object").arg(typeName(data)))};
    Blueprint b;
    b.summary = std::move(summary.value);
    b.data = data.toObject();
    b.summary.raw.remove(QLatin1String("data")); // kept once, in `data`
    if (b.summary.name.isEmpty())
        b.summary.name = b.data.value(QLatin1String("name")).toString();
    b.etag = etag;
    return {b, {}};
}

ApiResult<AwsAccount> awsAccount(const QJsonValue &json)
{
    if (auto error = expectObject(json, QStringLiteral("the AWS account")))
        return {{}, error};
    const QJsonObject object = json.toObject();
    Reader r(object, QStringLiteral("the AWS account"));
    AwsAccount a;
    a.id = r.id();
    a.name = r.text("name");
    a.roleArn = r.text("roleArn");
    a.externalId = r.text("externalId");
    a.readAccess = r.list("readAccess");
    a.writeAccess = r.list("writeAccess");
    a.createdAt = r.date("createdAt");
    a.updatedAt = r.date("updatedAt");
    a.creatorId = r.text("CreatorId");
    a.source = r.text("source");
    a.raw = object;
    return {a, r.error()};
}

ApiResult<QList<AwsAccount>> awsAccounts(const QJsonValue &json)
{
    return parseList<AwsAccount>(json, QStringLiteral("accounts"), QStringLiteral("AWS account"), &awsAccount);
}

ApiResult<AzureAccount> azureAccount(const QJsonValue &json)
{
    if (auto error = expectObject(json, QStringLiteral("the Azure account")))
        return {{}, error};
    QJsonObject object = json.toObject();
    object.remove(QLatin1String("clientSecret")); // echoed by create; a secret must not live on in `raw`
    Reader r(object, QStringLiteral("the Azure account"));
    AzureAccount a;
    a.id = r.id();
    a.name = r.text("name");
    a.applicationId = r.text("applicationId");
    a.directoryId = r.text("directoryId");
    a.subscriptionId = r.text("subscriptionId");
    a.hint = r.text("hint");
    a.readAccess = r.list("readAccess");
    a.writeAccess = r.list("writeAccess");
    a.createdAt = r.date("createdAt");
    a.updatedAt = r.date("updatedAt");
    a.creatorId = r.text("CreatorId");
    a.source = r.text("source");
    a.raw = object;
    return {a, r.error()};
}

ApiResult<QList<AzureAccount>> azureAccounts(const QJsonValue &json)
{
    return parseList<AzureAccount>(json, QStringLiteral("accounts"), QStringLiteral("Azure account"), &azureAccount);
}

ApiResult<IamParameters> iamParameters(const QJsonValue &json)
{
    if (auto error = expectObject(json, QStringLiteral("the IAM parameters")))
        return {{}, error};
    const QJsonObject object = json.toObject();
    Reader r(object, QStringLiteral("the IAM parameters"));
    IamParameters p;
    p.accountId = r.id("accountId");
    p.externalId = r.text("externalId");
    p.awsConsoleUrl = r.text("awsConsoleUrl");
    p.raw = object;
    return {p, r.error()};
}

ApiResult<QJsonObject> object(const QJsonValue &json)
{
    if (auto error = expectObject(json, QStringLiteral("the response")))
        return {{}, error};
    return {json.toObject(), {}};
}

QString errorMessage(const QByteArray &body)
{
    if (body.isEmpty())
        return {};
    const auto decoded = decodeJson(body.left(64 * 1024), 16);
    if (decoded.ok() && decoded.value.isObject()) {
        const QJsonObject object = decoded.value.toObject();
        for (const char *key : {"error", "message"}) {
            const QJsonValue value = object.value(QLatin1String(key));
            if (value.isString())
                return sanitizeServerText(value.toString());
            if (value.isObject() && value.toObject().value(QLatin1String("message")).isString())
                return sanitizeServerText(value.toObject().value(QLatin1String("message")).toString());
        }
        return {};
    }
    // A plain-text error body is shown; an HTML page or binary is not.
    const QByteArray head = body.left(400).trimmed();
    if (head.startsWith('<') || firstInvalidUtf8(head) >= 0 || head.contains('\0'))
        return {};
    return sanitizeServerText(QString::fromUtf8(head));
}

MapPos mapPos(const QJsonValue &json)
{
    const auto point = [](const QJsonValue &value, QPointF &out) {
        const QJsonArray array = value.toArray();
        if (!value.isArray() || array.size() != 2 || !array.at(0).isDouble() || !array.at(1).isDouble())
            return false;
        out = QPointF(array.at(0).toDouble(), array.at(1).toDouble());
        return true;
    };
    MapPos result;
    if (json.isArray()) {
        result.valid = point(json, result.pos);
    } else if (json.isObject()) {
        const QJsonObject object = json.toObject();
        result.relTo = idString(object.value(QLatin1String("relTo")));
        result.relative = true;
        result.valid = !result.relTo.isEmpty() && point(object.value(QLatin1String("offset")), result.pos);
    }
    return result;
}

QString idString(const QJsonValue &json)
{
    if (json.isString())
        return json.toString();
    if (json.isDouble()) {
        const double d = json.toDouble();
        if (!std::isfinite(d))
            return {};
        if (d == std::floor(d) && std::fabs(d) < 9007199254740992.0)
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'g', 17);
    }
    return {};
}

ApiResult<Blueprint> blueprintFromCall(const ApiCall &call)
{
    if (!call.isFinished())
        return {{}, ApiError(Kind::InvalidArgument, 0, {}, QStringLiteral("the call has not finished"))};
    if (call.error().isError())
        return {{}, call.error()};
    return blueprint(call.json(), call.etag());
}

} // namespace Cloudcraft::Core::ApiParse
