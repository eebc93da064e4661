#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>

namespace Cloudcraft::Emulator {

/// Small deterministic random source (SplitMix64). Unlike std:: distributions its results are identical on every
/// platform and standard library, so a seed always produces the same workspace file.
class Rng final
{
public:
    explicit Rng(std::uint64_t seed)
        : m_state(seed)
    { }

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    /// Uniform in [0, bound); bound <= 0 gives 0.
    int below(int bound) { return bound <= 0 ? 0 : static_cast<int>(next() % static_cast<std::uint64_t>(bound)); }
    /// Uniform in [low, high].
    int between(int low, int high) { return low + below(high - low + 1); }
    bool chance(int percent) { return below(100) < percent; }

    template <typename T> const T &pick(const QList<T> &list) { return list.at(below(static_cast<int>(list.size()))); }

    /// Random UUID v4 text.
    QString uuid()
    {
        QByteArray bytes(16, '\0');
        fill(bytes);
        bytes[6] = static_cast<char>((bytes.at(6) & 0x0f) | 0x40);
        bytes[8] = static_cast<char>((bytes.at(8) & 0x3f) | 0x80);
        const QString hex = QString::fromLatin1(bytes.toHex());
        return hex.mid(0, 8) + u'-' + hex.mid(8, 4) + u'-' + hex.mid(12, 4) + u'-' + hex.mid(16, 4) + u'-'
            + hex.mid(20, 12);
    }

    /// Lower-case hex of `digits` length (ids like i-0a1b2c...).
    QString hex(int digits)
    {
        QByteArray bytes((digits + 1) / 2, '\0');
        fill(bytes);
        return QString::fromLatin1(bytes.toHex().left(digits));
    }

    /// Decimal digits, first one non-zero (AWS account numbers).
    QString digits(int count)
    {
        QString text;
        for (int i = 0; i < count; ++i)
            text += QChar(u'0' + (i == 0 ? between(1, 9) : below(10)));
        return text;
    }

    /// A 44-character base64 string (32 random bytes), the shape of a Cloudcraft API key.
    QString apiKey()
    {
        QByteArray bytes(32, '\0');
        fill(bytes);
        return QString::fromLatin1(bytes.toBase64());
    }

private:
    void fill(QByteArray &bytes)
    {
        for (qsizetype i = 0; i < bytes.size(); i += 8) {
            std::uint64_t value = next();
            for (qsizetype j = i; j < bytes.size() && j < i + 8; ++j) {
                bytes[j] = static_cast<char>(value & 0xff);
                value >>= 8;
            }
        }
    }

    std::uint64_t m_state;
};

} // namespace Cloudcraft::Emulator
