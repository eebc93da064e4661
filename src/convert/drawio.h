#pragma once

#include "convert/infrastructuremodel.h"

#include <QByteArray>
#include <QString>

namespace Cloudcraft::Core {

/// Which pages of a multi-page drawing readDrawio() reads.
enum class DrawioPages {
    All,  ///< every page; with more than one, each page becomes an area named after it ("page" containers)
    First ///< the first page only
};

/// Reads a draw.io / diagrams.net file: plain XML or the compressed form (base64 of raw deflate of URL-encoded
/// XML), one or many pages. Shapes of the AWS libraries (shape= or resIcon= mxgraph.aws4.* / aws3.*) map to
/// Cloudcraft components (table in drawioshapes.cpp); VPC, subnet, auto scaling group and other group shapes are
/// containers, taken from the cells' parent hierarchy; red-bordered security group boxes become security groups
/// around their members; edge cells become links; labels lose their HTML. A truncated or corrupt file is one
/// sentence naming the file and the problem. Addresses are the cell ids ("<page>/<id>" when several pages are read).
InfraReadResult readDrawio(const QByteArray &bytes, const QString &fileName, DrawioPages pages = DrawioPages::All);

/// True when the bytes look like a draw.io file (an mxfile or mxGraphModel root).
bool looksLikeDrawio(const QByteArray &bytes);

} // namespace Cloudcraft::Core
