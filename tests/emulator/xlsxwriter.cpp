#include "xlsxwriter.h"

#include "checksum.h"

#include <QList>
#include <QString>
#include <QtEndian>

namespace Cloudcraft::Emulator {

namespace {
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(cell);
            cell.clear();
        } else if (c == QLatin1Char('\n')) {
            row.append(cell);
            rows.append(row);
            row.clear();
            cell.clear();
        } else if (c != QLatin1Char('\r')) {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty()) {
        row.append(cell);
        rows.append(row);
    }
    return rows;
}

QString escapeXml(const QString &text)
{
    return text.toHtmlEscaped();
}

QByteArray sheetXml(const QList<QStringList> &rows)
{
    QString xml = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                 "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                                 "<sheetData>");
    for (qsizetype r = 0; r < rows.size(); ++r) {
        xml += QStringLiteral("<row r=\"%1\">").arg(r + 1);
        for (const QString &cell : rows.at(r)) {
            bool isNumber = false;
            cell.toDouble(&isNumber);
            if (isNumber && !cell.isEmpty())
                xml += QStringLiteral("<c><v>%1</v></c>").arg(cell);
            else
                xml += QStringLiteral("<c t=\"inlineStr\"><is><t>%1</t></is></c>").arg(escapeXml(cell));
        }
        xml += QStringLiteral("</row>");
    }
    xml += QStringLiteral("</sheetData></worksheet>");
    return xml.toUtf8();
}

class ZipBuilder
{
public:
    void add(const QByteArray &name, const QByteArray &data)
    {
        const quint32 crc = crc32(data);
        const quint32 offset = quint32(m_archive.size());
        // Local file header (stored, no compression), fixed DOS time 1980-01-01.
        appendLE<quint32>(m_archive, 0x04034b50);
        appendLE<quint16>(m_archive, 20);
        appendLE<quint16>(m_archive, 0);
        appendLE<quint16>(m_archive, 0);
        appendLE<quint16>(m_archive, 0);
        appendLE<quint16>(m_archive, 0x21);
        appendLE<quint32>(m_archive, crc);
        appendLE<quint32>(m_archive, quint32(data.size()));
        appendLE<quint32>(m_archive, quint32(data.size()));
        appendLE<quint16>(m_archive, quint16(name.size()));
        appendLE<quint16>(m_archive, 0);
        m_archive += name;
        m_archive += data;

        appendLE<quint32>(m_central, 0x02014b50);
        appendLE<quint16>(m_central, 20);
        appendLE<quint16>(m_central, 20);
        appendLE<quint16>(m_central, 0);
        appendLE<quint16>(m_central, 0);
        appendLE<quint16>(m_central, 0);
        appendLE<quint16>(m_central, 0x21);
        appendLE<quint32>(m_central, crc);
        appendLE<quint32>(m_central, quint32(data.size()));
        appendLE<quint32>(m_central, quint32(data.size()));
        appendLE<quint16>(m_central, quint16(name.size()));
        appendLE<quint16>(m_central, 0);
        appendLE<quint16>(m_central, 0);
        appendLE<quint16>(m_central, 0);
        appendLE<quint16>(m_central, 0);
        appendLE<quint32>(m_central, 0);
        appendLE<quint32>(m_central, offset);
        m_central += name;
        ++m_count;
    }

    QByteArray finish() const
    {
        QByteArray result = m_archive + m_central;
        appendLE<quint32>(result, 0x06054b50);
        appendLE<quint16>(result, 0);
        appendLE<quint16>(result, 0);
        appendLE<quint16>(result, m_count);
        appendLE<quint16>(result, m_count);
        appendLE<quint32>(result, quint32(m_central.size()));
        appendLE<quint32>(result, quint32(m_archive.size()));
        appendLE<quint16>(result, 0);
        return result;
    }

private:
    template<typename T>
    static void appendLE(QByteArray &target, T value)
    {
        char bytes[sizeof(T)];
        qToLittleEndian<T>(value, bytes);
        target.append(bytes, sizeof(T));
    }

    QByteArray m_archive;
    QByteArray m_central;
    quint16 m_count = 0;
};
} // namespace

QByteArray XlsxWriter::fromCsv(const QByteArray &csv)
{
    ZipBuilder zip;
    zip.add("[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            "<Override PartName=\"/xl/workbook.xml\" "
            "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
            "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            "</Types>");
    zip.add("_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId1\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
            "Target=\"xl/workbook.xml\"/></Relationships>");
    zip.add("xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            "<sheets><sheet name=\"Budget\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    zip.add("xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId1\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
            "Target=\"worksheets/sheet1.xml\"/></Relationships>");
    zip.add("xl/worksheets/sheet1.xml", sheetXml(parseCsv(QString::fromUtf8(csv))));
    return zip.finish();
}

} // namespace Cloudcraft::Emulator
