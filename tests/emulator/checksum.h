#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace Cloudcraft::Emulator {

/// CRC-32 (IEEE 802.3), as gzip and ZIP use it.
quint32 crc32(QByteArrayView data);

} // namespace Cloudcraft::Emulator
