#include "render/schematic/textformat.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace Cloudcraft::Core::TextFormat {

QString number(double value, int decimals)
{
    if (!std::isfinite(value))
        return u"0"_s;
    QString text = QString::number(value, 'f', decimals);
    if (text.contains(u'.')) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
    }
    if (text == u"-0")
        text = u"0"_s;
    return text;
}

QString xmlEscaped(QStringView text)
{
    QString result;
    result.reserve(text.size() + text.size() / 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (c.unicode()) {
        case u'&':
            result += u"&amp;"_s;
            continue;
        case u'<':
            result += u"&lt;"_s;
            continue;
        case u'>':
            result += u"&gt;"_s;
            continue;
        case u'"':
            result += u"&quot;"_s;
            continue;
        case u'\'':
            result += u"&#39;"_s;
            continue;
        case u'\t':
        case u'\n':
        case u'\r':
            result += c;
            continue;
        default:
            break;
        }
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            result += c;
            result += text.at(++i);
            continue;
        }
        // XML 1.0 forbids other C0 controls, lone surrogates and U+FFFE/U+FFFF.
        if (c.unicode() < 0x20 || c.isSurrogate() || c.unicode() >= 0xfffe)
            continue;
        result += c;
    }
    return result;
}

QString hexColor(const QColor &color)
{
    if (!color.isValid())
        return u"none"_s;
    return color.toRgb().name(QColor::HexRgb);
}

} // namespace Cloudcraft::Core::TextFormat
