/* help.h: the help screen (? or F1): every action with the keys bound to it now (after
 * the config), the main screen's first, then each other screen's, then the filter
 * language and the config commands. */
#ifndef SITREP_UI_HELP_H
#define SITREP_UI_HELP_H

#include "view.h"

extern const struct view_ops help_view;

#endif
