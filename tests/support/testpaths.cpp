#include "testpaths.h"

#include <QDir>
#include <QFileInfo>

namespace Cloudcraft::Test {

QString sourceDir()
{
    return QStringLiteral(CLOUDCRAFT_TEST_SOURCE_DIR);
}

QString demoWorkspacePath()
{
    const QString demo = sourceDir() + QStringLiteral("/tests/emulator/workspaces/demo.json");
    return QFileInfo::exists(demo) ? demo : testWorkspacePath();
}

QString testWorkspacePath()
{
    return sourceDir() + QStringLiteral("/tests/emulator/testdata/test-workspace.json");
}

QString sharedDir()
{
    return QStringLiteral(CLOUDCRAFT_TEST_SHARED_DIR);
}

QString testCertDir()
{
    return QStringLiteral(CLOUDCRAFT_TEST_CERT_DIR_PATH);
}

QSslConfiguration testSslConfiguration()
{
    // addCaCertificates() on defaultConfiguration() edits a temporary (RELIABILITY.md finding 7): copy, add, use.
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificates(testCertDir() + QStringLiteral("/ca.pem"));
    return configuration;
}

} // namespace Cloudcraft::Test
