#pragma once

#include <QJsonObject>

namespace Cloudcraft::Emulator {

/// The two IAM policies served by GET /aws/account/iamParameters/policy/{custom|minimal} (cloudcraft-api.md §2.7).
class IamPolicies final
{
public:
    /// Broad read-only policy: wildcard Describe/List/Get actions on every resource.
    static QJsonObject custom();
    /// Stricter policy: explicit actions, some statements scoped to resource ARNs.
    static QJsonObject minimal();
};

} // namespace Cloudcraft::Emulator
