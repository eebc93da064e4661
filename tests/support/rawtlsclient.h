#pragma once

#include <QByteArray>
#include <QSslSocket>
#include <QUrl>

namespace Cloudcraft::Test {

/// A bare TLS (or plain TCP) connection for tests that need byte-level control: hand-written requests (chunked
/// bodies, pipelining) and timing of what arrives (drip, silent).
class RawTlsClient final
{
public:
    RawTlsClient();
    /// Connects to the URL's host and port; TLS for https (trusting the test CA), plain for http.
    bool connectTo(const QUrl &url, int timeoutMs = 5000);
    bool write(const QByteArray &bytes);
    /// Collects whatever arrives during the next timeoutMs (returns early when the peer closes).
    QByteArray readFor(int timeoutMs);
    /// Reads until `marker` has arrived or timeoutMs passed; returns everything read so far.
    QByteArray readUntil(const QByteArray &marker, int timeoutMs);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QByteArray received() const { return m_received; }

private:
    QSslSocket m_socket;
    QByteArray m_received;
};

} // namespace Cloudcraft::Test
