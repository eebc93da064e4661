#include "render/rundeflater.h"

#include <QTest>
#include <QtEndian>

#include <libdeflate.h>

using namespace Cloudcraft::Core;

namespace {

// Bands compressed separately, joined into one zlib stream, inflated by zlib itself (qUncompress).
QByteArray roundTrip(const QByteArray &data, int bands)
{
    QByteArray stream("\x78\x01", 2);
    std::uint32_t adler = 1;
    const qsizetype step = bands > 0 ? (data.size() + bands - 1) / bands : data.size();
    for (qsizetype at = 0; at < data.size(); at += std::max<qsizetype>(step, 1)) {
        const qsizetype size = std::min<qsizetype>(step, data.size() - at);
        const auto *bytes = reinterpret_cast<const std::uint8_t *>(data.constData() + at);
        const std::vector<std::uint8_t> band = RunDeflater::compressBand(bytes, std::size_t(size));
        stream.append(reinterpret_cast<const char *>(band.data()), qsizetype(band.size()));
        adler = RunDeflater::combineAdler32(adler, std::uint32_t(libdeflate_adler32(1, bytes, std::size_t(size))),
                                            std::size_t(size));
    }
    std::vector<std::uint8_t> ending;
    RunDeflater::finish(ending);
    stream.append(reinterpret_cast<const char *>(ending.data()), qsizetype(ending.size()));
    QByteArray trailer(4, '\0');
    qToBigEndian(adler, trailer.data());
    stream.append(trailer);
    QByteArray prefixed(4, '\0');
    qToBigEndian(quint32(data.size()), prefixed.data());
    return qUncompress(prefixed + stream);
}

} // namespace

class TestRunDeflater final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void zlibInflatesWhatItWrites_data();
    void zlibInflatesWhatItWrites();
    void flatDataShrinks();
    void adlerCombinesLikeOneChecksum();
};

void TestRunDeflater::zlibInflatesWhatItWrites_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("bands");
    QByteArray noise(100000, '\0');
    quint32 state = 7;
    for (char &byte : noise) {
        state = state * 1664525u + 1013904223u;
        byte = char(state >> 24);
    }
    QByteArray runs;
    for (int length : {1, 2, 3, 4, 257, 258, 259, 516, 517, 1000, 3})
        runs += QByteArray(length, char('a' + length % 26)) + 'x';
    for (const int bands : {1, 2, 7}) {
        QTest::addRow("noise, %d bands", bands) << noise << bands;
        QTest::addRow("runs of every edge length, %d bands", bands) << runs << bands;
        QTest::addRow("zeros, %d bands", bands) << QByteArray(300000, '\0') << bands;
        QTest::addRow("all 256 values, %d bands", bands) << [] {
            QByteArray all;
            for (int v = 0; v < 256; ++v)
                all += QByteArray(v % 5 + 1, char(v));
            return all;
        }() << bands;
    }
    QTest::newRow("one byte") << QByteArray("z") << 1;
}

void TestRunDeflater::zlibInflatesWhatItWrites()
{
    QFETCH(QByteArray, data);
    QFETCH(int, bands);
    QCOMPARE(roundTrip(data, bands), data);
}

// A diff image's rows are mostly zeros after filtering: a megabyte of them fits in a few kilobytes.
void TestRunDeflater::flatDataShrinks()
{
    const QByteArray zeros(1 << 20, '\0');
    const auto band = RunDeflater::compressBand(reinterpret_cast<const std::uint8_t *>(zeros.constData()),
                                                std::size_t(zeros.size()));
    QVERIFY2(band.size() < 10000, qPrintable(QString::number(band.size())));
}

void TestRunDeflater::adlerCombinesLikeOneChecksum()
{
    QByteArray data(70000, '\0');
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = char((i * 131) ^ (i >> 7));
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(data.constData());
    const auto whole = std::uint32_t(libdeflate_adler32(1, bytes, std::size_t(data.size())));
    for (const qsizetype split : {qsizetype(0), qsizetype(1), qsizetype(65521), qsizetype(69999)}) {
        const auto first = std::uint32_t(libdeflate_adler32(1, bytes, std::size_t(split)));
        const auto second = std::uint32_t(libdeflate_adler32(1, bytes + split, std::size_t(data.size() - split)));
        QCOMPARE(RunDeflater::combineAdler32(first, second, std::size_t(data.size() - split)), whole);
    }
}

QTEST_GUILESS_MAIN(TestRunDeflater)
#include "tst_rundeflater.moc"
