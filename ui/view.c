/* view.c: what the views share. */
#include "view.h"

bool view_motion(enum action act, int rows, long *delta)
{
    long page = rows > 2 ? rows - 1 : 1;
    switch (act) {
    case ACT_DOWN:
    case ACT_UP:
        *delta = act == ACT_DOWN ? 1 : -1;
        return true;
    case ACT_PAGE_DOWN:
    case ACT_PAGE_UP:
        *delta = act == ACT_PAGE_DOWN ? page : -page;
        return true;
    case ACT_TOP:
    case ACT_BOTTOM:
        *delta = act == ACT_BOTTOM ? 1000000000L : -1000000000L;
        return true;
    default:
        return false;
    }
}

int view_move_within(long pos, long delta, long count)
{
    long s = pos + delta;
    if (s >= count)
        s = count - 1;
    if (s < 0)
        s = 0;
    return (int)s;
}
