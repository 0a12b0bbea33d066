/* What the post-dissector shares with the statistics: the tap's per-frame
 * data (sc_frame_record), and the end of the capture.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_SIPCODES_H
#define SIPCODES_SIPCODES_H

#include "frame_record.h"

#define SIPCODES_TAP_NAME "sipcodes"


#endif
