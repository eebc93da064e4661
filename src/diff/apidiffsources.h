#pragma once

#include "api/apitypes.h"
#include "diff/diffsource.h"

#include <functional>

namespace Cloudcraft::Core {

class ApiCall;
class ApiClient;

/// The references a diff can fetch through the Cloudcraft API:
/// - `blueprint:<id>`: the PNG export (DiffWant::Image) or the blueprint document (DiffWant::Structure);
/// - `aws:<account>/<region>` and `azure:<account>/<region>`: a live snapshot of that region now, as PNG or JSON.
namespace ApiDiffSources {

struct Settings
{
    ExportOptions image;                   ///< how references are rendered when an image is wanted
    std::function<void(ApiCall *)> observe; ///< sees every call started (progress, logging); may be empty
};

/// Gives the API client when a reference is fetched, so a registry can be built (and tell references from files)
/// before anyone has signed in. It must return a valid client then.
using ClientProvider = std::function<ApiClient &()>;

/// Registers the three resolvers.
void registerAll(DiffSourceRegistry &registry, ClientProvider client, Settings settings = {});

} // namespace ApiDiffSources

} // namespace Cloudcraft::Core
