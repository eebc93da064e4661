#pragma once

#include <QtGlobal>

/// Registers the icons compiled into the static cloudcraft_ui library; call once after creating the application.
/// (Global namespace on purpose: Q_INIT_RESOURCE declares a global symbol.)
inline void cloudcraftInitUiResources()
{
    Q_INIT_RESOURCE(resources);
}
