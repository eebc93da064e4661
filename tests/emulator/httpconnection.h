#pragma once

#include "httpmessage.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>

class QTimer;

namespace Cloudcraft::Emulator {

/// One client connection: parses HTTP/1.1 requests (Content-Length or chunked bodies, keep-alive) and writes
/// responses byte by byte as the Delivery mode asks. Requests on one connection are handled one at a time.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    static constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
    static constexpr qsizetype kMaxBodyBytes = 64 * 1024 * 1024;

    HttpConnection(QTcpSocket *socket, QString listener, QObject *parent = nullptr);
    ~HttpConnection() override;

    QString listener() const { return m_listener; }
    /// Sends the answer to the request last emitted by requestReady (after its delay, if any).
    void respond(HttpResponse response);

Q_SIGNALS:
    void requestReady(Cloudcraft::Emulator::HttpConnection *connection, const Cloudcraft::Emulator::HttpRequest &request);

private:
    enum class State { ReadingHead, ReadingBody, ReadingChunks, Handling, Writing, Silent, Closed };

    void onReadyRead();
    bool parseHead();
    bool readBody();
    bool readChunks();
    void finishRequest();
    void failRequest(int status, const QString &message);
    void startResponse();
    void writeHead(bool withContentLength, qint64 contentLength, bool chunked);
    void pumpGenerated();
    void dripNext();
    void finishResponse();
    void closeConnection();
    bool canWrite() const;

    QPointer<QTcpSocket> m_socket;
    QString m_listener;
    State m_state = State::ReadingHead;
    QByteArray m_buffer;
    HttpRequest m_request;
    qint64 m_bodyRemaining = 0;
    HttpResponse m_response;
    QByteArray m_pending;      // body bytes of the current response still to send (drip)
    qint64 m_generatedOffset = 0;
    bool m_generatedChunked = false;
    QTimer *m_dripTimer = nullptr;
};

} // namespace Cloudcraft::Emulator
