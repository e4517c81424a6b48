/* paths.c: finding shipped data relative to the executable or the install prefix. */
#include "base/paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef SITREP_DATADIR
#define SITREP_DATADIR "/usr/local/share/sitrep"
#endif

static char *existing(const char *dir, const char *sub, const char *name)
{
    char buf[PATH_MAX];
    int n = snprintf(buf, sizeof buf, "%s%s/%s", dir, sub, name);
    if (n < 0 || (size_t)n >= sizeof buf || access(buf, R_OK) != 0)
        return NULL;
    return strdup(buf);
}

/* The directory holding the running executable; ./sitrep is a symlink into build/, so
 * both the link's directory and the target's are tried by the caller. */
static int exe_dir(char *buf, size_t cap, int resolve)
{
    char link[PATH_MAX];
    if (resolve) {
        if (!realpath("/proc/self/exe", link))
            return -1;
    } else {
        ssize_t n = readlink("/proc/self/exe", link, sizeof link - 1);
        if (n <= 0)
            return -1;
        link[n] = '\0';
    }
    char *slash = strrchr(link, '/');
    if (!slash)
        return -1;
    *slash = '\0';
    snprintf(buf, cap, "%s", link);
    return 0;
}

char *paths_asset(const char *name)
{
    const char *env = getenv("SITREP_DATA_DIR");
    char *p;
    if (env && *env && (p = existing(env, "", name)))
        return p;
    char dir[PATH_MAX];
    if (exe_dir(dir, sizeof dir, 1) == 0) {
        if ((p = existing(dir, "/assets", name)) || (p = existing(dir, "/../assets", name)))
            return p;
        if ((p = existing(dir, "/../share/sitrep", name)))
            return p;
    }
    return existing(SITREP_DATADIR, "", name);
}
