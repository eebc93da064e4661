#pragma once

#include <QByteArray>

namespace Cloudcraft::Emulator {

/// A minimal one-sheet XLSX (stored ZIP, inline strings) from CSV text: enough for a client to save and open it.
class XlsxWriter final
{
public:
    static QByteArray fromCsv(const QByteArray &csv);
};

} // namespace Cloudcraft::Emulator
