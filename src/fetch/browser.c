/* browser.c: fork and execvp. The child reports a failed exec through a close-on-exec
 * pipe, so "no such program" reaches the caller instead of vanishing in the child. */
#include "fetch/browser.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_ARGS 32

/* argv for the command: the first $BROWSER entry's words with %s replaced by the URL,
 * or the URL appended. Words point into cmd (modified). Returns the count, 0 when empty. */
static int build_argv(char *cmd, const char *url, char **argv)
{
    char *colon = strchr(cmd, ':');
    if (colon)
        *colon = '\0';
    int argc = 0;
    bool placed = false;
    char *save = NULL;
    for (char *w = strtok_r(cmd, " \t", &save); w && argc < MAX_ARGS - 2;
         w = strtok_r(NULL, " \t", &save)) {
        if (strcmp(w, "%s") == 0) {
            argv[argc++] = (char *)url;
            placed = true;
        } else {
            argv[argc++] = w;
        }
    }
    if (argc && !placed)
        argv[argc++] = (char *)url;
    argv[argc] = NULL;
    return argc;
}

/* Links in articles are not always well-formed (spaces), and the browser copes; only the
 * scheme matters here, and no control character may pass. */
static bool url_is_safe(const char *url)
{
    for (const unsigned char *c = (const unsigned char *)url; *c; c++)
        if (*c < 0x20 || *c == 0x7f)
            return false;
    return strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0;
}

/* In the child: stdin from /dev/null unless it waits (a terminal browser reads keys). */
static void exec_child(char **argv, int report_fd, bool wait)
{
    if (!wait) {
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) {
            dup2(null, STDIN_FILENO);
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
            close(null);
        }
        setsid();
    }
    execvp(argv[0], argv);
    int e = errno;
    ssize_t unused = write(report_fd, &e, sizeof e);
    (void)unused;
    _exit(127);
}

/* Detached: an intermediate child forks the browser and exits at once, so the browser is
 * reparented and the caller reaps only the intermediate. */
static void detach_and_exec(char **argv, int report_fd)
{
    pid_t pid = fork();
    if (pid == 0)
        exec_child(argv, report_fd, false);
    _exit(pid < 0 ? 126 : 0);
}

static int run_browser(char **argv, bool wait, char *err, size_t errlen)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        snprintf(err, errlen, "cannot start the browser: %s", strerror(errno));
        return -1;
    }
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        if (wait)
            exec_child(argv, fds[1], true);
        detach_and_exec(argv, fds[1]);
    }
    close(fds[1]);
    int exec_errno = 0, status = 0;
    ssize_t got = pid > 0 ? read(fds[0], &exec_errno, sizeof exec_errno) : 0;
    close(fds[0]);
    if (pid < 0 || (pid > 0 && waitpid(pid, &status, 0) < 0)) {
        snprintf(err, errlen, "cannot start the browser: %s", strerror(errno));
        return -1;
    }
    if (got == (ssize_t)sizeof exec_errno) {
        snprintf(err, errlen, "cannot run %.100s: %s", argv[0], strerror(exec_errno));
        return -1;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        snprintf(err, errlen, "%.100s failed (status %d)", wait ? argv[0] : "the browser",
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        return -1;
    }
    return 0;
}

int browser_open(const char *url, bool wait, char *err, size_t errlen)
{
    if (!url || !url_is_safe(url)) {
        snprintf(err, errlen, "only http and https links are opened");
        return -1;
    }
    const char *env = getenv("BROWSER");
    char *cmd = strdup(env && *env ? env : "xdg-open");
    char *argv[MAX_ARGS];
    if (!cmd) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int rc = -1;
    if (build_argv(cmd, url, argv) == 0)
        snprintf(err, errlen, "$BROWSER names no command");
    else
        rc = run_browser(argv, wait, err, errlen);
    free(cmd);
    return rc;
}
