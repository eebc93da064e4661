#pragma once

// Blueprint fixtures and image helpers for tst_diagramrenderer.

#include "diagramrenderer.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>
#include <QtTest>

#include <functional>

namespace Cloudcraft::Test::RenderTestData {

using namespace Qt::StringLiterals;
using Cloudcraft::Emulator::DiagramRenderer;
using Cloudcraft::Emulator::RenderFormat;
using Cloudcraft::Emulator::RenderOptions;

inline QJsonObject node(const QString &id, const QString &type, double x, double y, const QJsonObject &extra = {})
{
    QJsonObject object = extra;
    object.insert(u"id"_s, id);
    object.insert(u"type"_s, type);
    object.insert(u"mapPos"_s, QJsonArray { x, y });
    object.insert(u"region"_s, u"us-east-1"_s);
    return object;
}

/// A small web architecture whose corners are pinned by four far-apart nodes, so a change in the middle
/// cannot move the canvas. "mover" has no edges and no group: changing it may only touch its own place.
inline QJsonObject referenceBlueprint()
{
    QJsonArray nodes {
        node(u"corner-nw"_s, u"r53"_s, 0, 0),
        node(u"corner-ne"_s, u"cloudfront"_s, 24, 0),
        node(u"corner-sw"_s, u"s3"_s, 0, 18, { { u"dataGb"_s, 250 } }),
        node(u"corner-se"_s, u"sqs"_s, 24, 18),
        node(u"web-1"_s, u"ec2"_s, 4, 4, { { u"instanceType"_s, u"m5"_s }, { u"instanceSize"_s, u"large"_s } }),
        node(u"web-2"_s, u"ec2"_s, 6, 4, { { u"instanceType"_s, u"m5"_s }, { u"instanceSize"_s, u"large"_s } }),
        node(u"lb"_s, u"elb"_s, 5, 1),
        node(u"db"_s, u"rds"_s, 5, 8,
            { { u"instanceType"_s, u"db.r5"_s }, { u"instanceSize"_s, u"large"_s }, { u"engine"_s, u"postgres"_s } }),
        node(u"mover"_s, u"lambda"_s, 18, 5),
    };
    QJsonArray groups {
        QJsonObject { { u"id"_s, u"vpc-1"_s }, { u"type"_s, u"vpc"_s }, { u"name"_s, u"prod-vpc"_s },
            { u"nodes"_s, QJsonArray { u"web-1"_s, u"web-2"_s, u"db"_s } }, { u"padding"_s, 1.5 } },
        QJsonObject { { u"id"_s, u"asg-1"_s }, { u"type"_s, u"asg"_s }, { u"mapPos"_s, QJsonArray { 4, 4 } },
            { u"mapSize"_s, QJsonArray { 3, 1 } }, { u"nodes"_s, QJsonArray { u"web-1"_s, u"web-2"_s } } },
    };
    QJsonArray edges {
        QJsonObject { { u"id"_s, u"e1"_s }, { u"type"_s, u"edge"_s }, { u"from"_s, u"lb"_s }, { u"to"_s, u"web-1"_s } },
        QJsonObject { { u"id"_s, u"e2"_s }, { u"type"_s, u"edge"_s }, { u"from"_s, u"web-1"_s }, { u"to"_s, u"db"_s },
            { u"endCap"_s, u"arrow"_s }, { u"color"_s, QJsonObject { { u"2d"_s, u"#000000"_s } } } },
    };
    QJsonArray surfaces { QJsonObject { { u"id"_s, u"zone-a"_s }, { u"type"_s, u"zone"_s },
        { u"mapPos"_s, QJsonArray { 3, 3 } }, { u"mapSize"_s, QJsonArray { 5, 7 } }, { u"color"_s, u"#e8e8e8"_s } } };
    QJsonArray text { QJsonObject { { u"id"_s, u"t1"_s }, { u"type"_s, u"isotext"_s }, { u"text"_s, u"Database"_s },
        { u"textSize"_s, 20 },
        { u"mapPos"_s, QJsonObject { { u"relTo"_s, u"db"_s }, { u"offset"_s, QJsonArray { 0, 1.5 } } } } } };
    return QJsonObject { { u"name"_s, u"Reference web app"_s }, { u"grid"_s, u"standard"_s }, { u"nodes"_s, nodes },
        { u"groups"_s, groups }, { u"edges"_s, edges }, { u"surfaces"_s, surfaces }, { u"text"_s, text } };
}

inline QJsonObject withNode(QJsonObject data, const QString &id, const std::function<void(QJsonObject &)> &change)
{
    QJsonArray nodes = data.value(u"nodes"_s).toArray();
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        QJsonObject object = nodes.at(i).toObject();
        if (object.value(u"id"_s).toString() == id) {
            change(object);
            nodes.replace(i, object);
        }
    }
    data.insert(u"nodes"_s, nodes);
    return data;
}

inline QJsonObject withoutNode(QJsonObject data, const QString &id)
{
    QJsonArray nodes;
    for (const QJsonValue &value : data.value(u"nodes"_s).toArray()) {
        if (value.toObject().value(u"id"_s).toString() != id)
            nodes.append(value);
    }
    data.insert(u"nodes"_s, nodes);
    return data;
}

inline QImage renderImage(const QJsonObject &data, const RenderOptions &options = {})
{
    const QByteArray bytes = DiagramRenderer::render(data, RenderFormat::Png, options);
    QImage image;
    image.loadFromData(bytes, "PNG");
    return image.convertToFormat(QImage::Format_ARGB32);
}

/// Bounding box of the pixels that differ; null when the images are identical.
inline QRect differingArea(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return QRect(QPoint(0, 0), a.size().expandedTo(b.size()));
    QRect area;
    for (int y = 0; y < a.height(); ++y) {
        const auto *lineA = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *lineB = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            if (lineA[x] != lineB[x])
                area = area.united(QRect(x, y, 1, 1));
        }
    }
    return area;
}

inline QString sharedDir()
{
    return QStringLiteral(CLOUDCRAFT_SHARED_DIR);
}

inline QJsonObject readBlueprintData(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    return object.contains(u"data"_s) ? object.value(u"data"_s).toObject() : object;
}

inline bool xmlIsWellFormed(const QByteArray &bytes, QString *error)
{
    QXmlStreamReader reader(bytes);
    while (!reader.atEnd())
        reader.readNext();
    if (reader.hasError())
        *error = reader.errorString() + u" at line "_s + QString::number(reader.lineNumber());
    return !reader.hasError();
}

inline QString formatName(RenderFormat format)
{
    switch (format) {
    case RenderFormat::Png:
        return u"png"_s;
    case RenderFormat::Svg:
        return u"svg"_s;
    case RenderFormat::Pdf:
        return u"pdf"_s;
    case RenderFormat::MxGraph:
        return u"mxGraph"_s;
    }
    return {};
}

/// Checks that the output is a well-formed document of its format.
inline void verifyWellFormed(RenderFormat format, const QByteArray &bytes)
{
    QVERIFY2(!bytes.isEmpty(), "empty output");
    QString error;
    switch (format) {
    case RenderFormat::Png: {
        QImage image;
        QVERIFY(image.loadFromData(bytes, "PNG"));
        QVERIFY(image.width() >= 1 && image.height() >= 1);
        break;
    }
    case RenderFormat::Svg:
        QVERIFY(bytes.startsWith("<?xml version=\"1.0\" standalone=\"no\"?>\n<!DOCTYPE svg"));
        QVERIFY2(xmlIsWellFormed(bytes, &error), qPrintable(error));
        break;
    case RenderFormat::Pdf:
        QVERIFY(bytes.startsWith("%PDF-1.4\n"));
        QVERIFY(bytes.endsWith("%%EOF\n"));
        break;
    case RenderFormat::MxGraph:
        QVERIFY(bytes.startsWith("<mxfile"));
        QVERIFY2(xmlIsWellFormed(bytes, &error), qPrintable(error));
        break;
    }
}

/// Chunk types of a PNG file in order ("IHDR", "IDAT", ...); empty when the structure is broken.
inline QList<QByteArray> pngChunkTypes(const QByteArray &png)
{
    QList<QByteArray> types;
    if (!png.startsWith("\x89PNG\r\n\x1a\n"))
        return types;
    qsizetype offset = 8;
    while (offset + 12 <= png.size()) {
        const auto *bytes = reinterpret_cast<const uchar *>(png.constData() + offset);
        const qsizetype length = (qsizetype(bytes[0]) << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3];
        types << png.mid(offset + 4, 4);
        offset += 12 + length;
    }
    return offset == png.size() ? types : QList<QByteArray>();
}

} // namespace Cloudcraft::Test::RenderTestData
