// The whole public API of libkodiak in one include.
#pragma once

#include "kodiak/connection.h"
#include "kodiak/database.h"
#include "kodiak/result.h"
#include "kodiak/status.h"
#include "kodiak/type.h"
#include "kodiak/value.h"
