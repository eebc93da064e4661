#include "rawtlsclient.h"

#include "testpaths.h"

#include <QDeadlineTimer>
#include <QNetworkProxy>

namespace Cloudcraft::Test {

RawTlsClient::RawTlsClient()
{
    m_socket.setProxy(QNetworkProxy::NoProxy);
    m_socket.setSslConfiguration(testSslConfiguration());
}

bool RawTlsClient::connectTo(const QUrl &url, int timeoutMs)
{
    const quint16 port = quint16(url.port());
    if (url.scheme() == QLatin1String("https")) {
        m_socket.connectToHostEncrypted(url.host(), port);
        return m_socket.waitForEncrypted(timeoutMs);
    }
    m_socket.connectToHost(url.host(), port);
    return m_socket.waitForConnected(timeoutMs);
}

bool RawTlsClient::write(const QByteArray &bytes)
{
    if (m_socket.write(bytes) != bytes.size())
        return false;
    return m_socket.waitForBytesWritten(5000) || m_socket.bytesToWrite() == 0;
}

QByteArray RawTlsClient::readFor(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QByteArray chunk;
    while (!deadline.hasExpired()) {
        if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            if (m_socket.state() != QAbstractSocket::ConnectedState)
                break;
            continue;
        }
        chunk += m_socket.readAll();
    }
    chunk += m_socket.readAll();
    m_received += chunk;
    return chunk;
}

QByteArray RawTlsClient::readUntil(const QByteArray &marker, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QByteArray chunk;
    while (!chunk.contains(marker) && !deadline.hasExpired()) {
        if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            if (m_socket.state() != QAbstractSocket::ConnectedState)
                break;
            continue;
        }
        chunk += m_socket.readAll();
    }
    m_received += chunk;
    return chunk;
}

} // namespace Cloudcraft::Test
