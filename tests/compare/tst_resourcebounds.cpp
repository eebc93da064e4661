// readResourceBounds: the "cloudcraft:bounds" tEXt chunk of our renders, read without decoding pixels.

#include "compare/resourcebounds.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QTest>

using namespace Cloudcraft::Core;

namespace {

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xffffffffu;
    for (const char c : bytes) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray bigEndian(quint32 value)
{
    QByteArray bytes(4, '\0');
    for (int i = 0; i < 4; ++i)
        bytes[i] = char((value >> (24 - 8 * i)) & 0xff);
    return bytes;
}

QByteArray chunk(const QByteArray &type, const QByteArray &data)
{
    return bigEndian(quint32(data.size())) + type + data + bigEndian(crc32(type + data));
}

/// A real PNG (Qt's writer) with a tEXt chunk inserted after IHDR, as the emulator's renderer writes it.
QByteArray pngWithText(const QString &key, const QString &text, const QByteArray &type = "tEXt")
{
    QImage image(QSize(40, 30), QImage::Format_RGBA8888);
    image.fill(Qt::white);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter(&buffer, "png").write(image);
    if (key.isEmpty())
        return bytes;
    QByteArray data = key.toLatin1() + '\0';
    if (type == "zTXt")
        data += '\0' + qCompress(text.toUtf8()).mid(4); // method 0, then a zlib stream (qCompress adds a size)
    else
        data += text.toUtf8();
    constexpr qsizetype afterIhdr = 8 + 25;
    return bytes.left(afterIhdr) + chunk(type, data) + bytes.mid(afterIhdr);
}

} // namespace

class TstResourceBounds final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheBoundsOfEachComponent()
    {
        const QByteArray png = pngWithText(QStringLiteral("cloudcraft:bounds"),
                                           QStringLiteral(R"({"web-1":[10,20,30,40],"vpc":[0,0,39.6,29]})"));
        const auto bounds = readResourceBounds(png);
        QVERIFY(bounds.has_value());
        QCOMPARE(bounds->size(), 2);
        QCOMPARE(bounds->value(QStringLiteral("web-1")), QRect(10, 20, 30, 40));
        QCOMPARE(bounds->value(QStringLiteral("vpc")), QRect(0, 0, 40, 29));
    }

    void readsACompressedChunkToo()
    {
        const auto bounds = readResourceBounds(
            pngWithText(QStringLiteral("cloudcraft:bounds"), QStringLiteral(R"({"db":[1,2,3,4]})"), "zTXt"));
        QVERIFY(bounds.has_value());
        QCOMPARE(bounds->value(QStringLiteral("db")), QRect(1, 2, 3, 4));
    }

    void skipsEntriesThatAreNotFourNumbers()
    {
        const QByteArray png = pngWithText(QStringLiteral("cloudcraft:bounds"),
                                           QStringLiteral(R"({"a":[1,2,3],"b":"x","c":[1,2,3,"4"],"d":[5,6,7,8]})"));
        const auto bounds = readResourceBounds(png);
        QVERIFY(bounds.has_value());
        QCOMPARE(bounds->keys(), QList<QString>{QStringLiteral("d")});
    }

    void noChunkOrOtherKeywordIsNothing()
    {
        QVERIFY(!readResourceBounds(pngWithText({}, {})).has_value());
        QVERIFY(!readResourceBounds(pngWithText(QStringLiteral("Comment"), QStringLiteral(R"({"a":[1,2,3,4]})")))
                     .has_value());
    }

    void malformedInputIsNothing()
    {
        QVERIFY(!readResourceBounds({}).has_value());
        QVERIFY(!readResourceBounds(QByteArray("GIF89a not a png at all")).has_value());
        const QByteArray png = pngWithText(QStringLiteral("cloudcraft:bounds"), QStringLiteral(R"({"a":[1,2,3,4]})"));
        // Truncated in the middle of the text chunk: no crash, no answer.
        const qsizetype at = png.indexOf("cloudcraft:bounds");
        QVERIFY(at > 0);
        QVERIFY(!readResourceBounds(png.left(at + 10)).has_value());
        QVERIFY(!readResourceBounds(pngWithText(QStringLiteral("cloudcraft:bounds"), QStringLiteral("[1,2"))).has_value());
        // A chunk length pointing far past the end.
        QByteArray broken = png;
        broken[8] = char(0x7f);
        QVERIFY(!readResourceBounds(broken).has_value());
    }
};

QTEST_GUILESS_MAIN(TstResourceBounds)
#include "tst_resourcebounds.moc"
