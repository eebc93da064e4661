#pragma once

#include <QSslConfiguration>
#include <QString>

namespace Cloudcraft::Test {

/// tests/emulator/workspaces/demo.json when it exists, else tests/emulator/testdata/test-workspace.json.
QString demoWorkspacePath();
/// The emulator's own small workspace with stable ids (tests/emulator/testdata/test-workspace.json).
QString testWorkspacePath();
/// ../shared relative to the source tree (samples, specs; read-only).
QString sharedDir();
/// <build>/test-certs: ca.pem, server.pem/key, wronghost.pem/key.
QString testCertDir();
/// The source tree root.
QString sourceDir();
/// A copy of the default TLS configuration that also trusts the test CA (never the system-wide store edited).
QSslConfiguration testSslConfiguration();

} // namespace Cloudcraft::Test
