// A separate process that writes snapshots into a history as fast as it can, for the concurrency and kill -9
// tests: `snapshot_writer ROOT COUNT TAG`. After each snapshot is committed it prints `saved <id> <n>` on stdout
// (flushed), so the parent knows exactly what was reported as saved when it kills the process. Each snapshot's note
// is `<TAG>-<n>`; the image is unique to it (32 KiB), the JSON is shared by every snapshot of the writer.

#include "history/snapshotstore.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstdio>

using namespace Cloudcraft::Core;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: snapshot_writer ROOT COUNT TAG\n");
        return 2;
    }
    const QString root = args.at(1);
    const int count = args.at(2).toInt();
    const QString tag = args.at(3);

    SnapshotStore store(root);
    if (const HistoryError error = store.open()) {
        std::fprintf(stderr, "open: %s\n", qPrintable(error.message));
        return 1;
    }
    QRandomGenerator random(quint32(qHash(tag)));
    const SnapshotSource source{QStringLiteral("default"), SnapshotSource::Kind::Aws, QStringLiteral("writer-") + tag,
                                QStringLiteral("us-east-1")};
    for (int n = 0; n < count; ++n) {
        NewSnapshot s;
        s.source = source;
        s.note = tag + u'-' + QString::number(n);
        s.png.resize(32 * 1024);
        random.fillRange(reinterpret_cast<quint32 *>(s.png.data()), s.png.size() / int(sizeof(quint32)));
        s.json = "{\"writer\":\"" + tag.toUtf8() + "\"}";
        const auto added = store.add(s);
        if (!added.ok()) {
            std::fprintf(stderr, "snapshot %d: %s\n", n, qPrintable(added.error.message));
            return 1;
        }
        std::printf("saved %lld %d\n", static_cast<long long>(added.value.id), n);
        std::fflush(stdout);
    }
    return 0;
}
