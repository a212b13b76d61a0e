#pragma once

#include "domain/identity/User.h"

#include <QJsonObject>

namespace bizdesk::services {

/// The JSON shape of people and departments, used by the audit trail and `bizdeskctl --json`.
QJsonObject toJson(const domain::User &user);
QJsonObject toJson(const domain::Department &department);

} // namespace bizdesk::services
