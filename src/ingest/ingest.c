/* ingest.c: the import pipeline. Inputs are listed first (directories walked in sorted
 * order, so repeated imports see the same sequence), which also gives the progress bar
 * its total. */
#include "ingest/ingest.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/syscall.h>

#include <libxml/parser.h>

#include "ingest/record_corrections.h"
#include "read/article.h"
#include "read/reader.h"
#include "extract/extract.h"
#include "base/facts.h"
#include "base/progress.h"
#include "base/trace.h"
#include "events/event_incr.h"
#include "store/store.h"
#include "store/txn.h"

struct input {
    char *path;
    size_t size;
};

struct input_list {
    struct input *items;
    size_t n, cap;
};

/* Workers read, parse and (when extracting) find the facts of inputs ahead of the main
 * thread, one extractor each since an extractor keeps scratch state. The main thread alone
 * writes to the store, in input order, so ids and duplicate decisions never depend on
 * timing, and the slow part of an import (extraction, or parsing and hashing without it)
 * overlaps the writing. The workers may run up to two batches ahead (INGEST_WINDOW inputs,
 * at most INGEST_WINDOW_BYTES of them), so they go on extracting the next batch while the
 * main thread writes and groups one: with a window of 64 inputs they stopped after 64
 * and the import ran extraction and writing in turn rather than together. */
#define INGEST_WINDOW       (2 * INGEST_BATCH_ARTICLES)
#define WORKER_NICE         10 /* below the writing thread (yield_to_writer) */
#define INGEST_WINDOW_BYTES (4 * (size_t)INGEST_BATCH_BYTES)
#define INGEST_MAX_JOBS     8

struct pending {
    struct article *a;
    struct facts f;
    /* its words as grouping counts them, counted on the worker (NULL: counted from the
     * stored text, as for a report not in this import) */
    struct ev_text_terms *terms;
    struct store_prepared pre; /* what the store derives from the facts, worked out here */
    bool prepared;             /* else the writing thread prepares it */
    int64_t id;                /* stored by this import under this id; 0 before, or not stored */
    bool have_facts;
    bool known; /* already stored before this import began: a duplicate */
};

/* A batch the main thread has written and grouped, waiting for a worker to free it: the
 * workers finish extracting ahead of the main thread, which bounds the import, so the
 * freeing (a few hundred blocks a report, each from a worker's arena) is theirs. */
struct spent_batch {
    struct pending *items;
    size_t n;
    struct spent_batch *next;
};

/* One input's outcome, filled by a worker and emptied by the main thread. */
struct slot {
    struct pending *items;
    size_t n, cap;
    int rc; /* reader_load's */
    bool out_of_memory;
    bool ready;
    char err[512];
};

struct ingest_run {
    struct store *store;
    struct extractor *x[INGEST_MAX_JOBS]; /* x[0] is the caller's; NULL: no extraction */
    int jobs;
    const struct ingest_options *opt;
    struct ingest_stats *stats;
    struct progress bar;
    /* The batch: extracted articles waiting for one short write transaction, so the write
     * lock is never held while extraction runs. */
    struct pending *batch;
    size_t batch_n, batch_cap;
    size_t batch_bytes;
    bool store_broken;    /* a batch failed: stop rather than pile on errors */
    bool grouping_failed; /* said once */
    bool grouped;         /* some batch was assigned to events: describe them at the end */
    const struct input_list *inputs;
    struct slot *slots; /* INGEST_WINDOW of them, input i in slot i % INGEST_WINDOW */
    pthread_mutex_t lock;
    pthread_cond_t filled;     /* a slot became ready */
    pthread_cond_t consumed;   /* the main thread emptied a slot */
    size_t next_input;         /* the next input a worker takes */
    size_t done_inputs;        /* inputs the main thread has finished with */
    size_t bytes_ahead;        /* input bytes taken by workers, not yet finished with */
    struct spent_batch *spent; /* for the workers to free */
    bool workers_free;         /* workers are running to free spent batches */
    bool stop;
};

/* Paths and reasons (which may quote the input) are escaped: a file name can hold a
 * newline, an escape sequence or a bidi override. */
static void report(const struct ingest_run *r, const char *path, const char *why)
{
    if (r->opt->quiet)
        return;
    progress_finish((struct progress *)&r->bar);
    char *name = text_display_name(path);
    char *reason = text_display_name(why);
    fprintf(stderr, "sitrep: %s: %s\n", name ? name : "?", reason ? reason : "out of memory");
    free(name);
    free(reason);
}

static int list_add(struct input_list *l, const char *path, size_t size)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        struct input *grown = realloc(l->items, cap * sizeof *grown);
        if (!grown)
            return -1;
        l->items = grown;
        l->cap = cap;
    }
    l->items[l->n].path = strdup(path);
    l->items[l->n].size = size;
    return l->items[l->n++].path ? 0 : -1;
}

static void list_free(struct input_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i].path);
    free(l->items);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* A directory met while walking, by identity: symbolic links can lead back to a directory
 * being walked (a loop) or to one already read. */
struct dir_id {
    dev_t dev;
    ino_t ino;
    bool open; /* still being walked: reaching it again is a loop */
};

struct walk {
    struct ingest_run *run;
    struct input_list *list;
    struct dir_id *dirs;
    size_t n_dirs, cap_dirs;
};

/* The entries of one directory that are symbolic link loops, reported as one line. */
struct loop_note {
    char names[256];
    size_t n;
};

static void note_loop(struct loop_note *note, const char *name)
{
    size_t used = strlen(note->names);
    if (note->n++ < 8)
        snprintf(note->names + used, sizeof note->names - used, "%s%s", used ? ", " : "", name);
    else if (note->n == 9)
        snprintf(note->names + used, sizeof note->names - used, ", ...");
}

static struct dir_id *find_dir(struct walk *w, const struct stat *st)
{
    for (size_t i = 0; i < w->n_dirs; i++)
        if (w->dirs[i].dev == st->st_dev && w->dirs[i].ino == st->st_ino)
            return &w->dirs[i];
    return NULL;
}

static int add_dir(struct walk *w, const struct stat *st)
{
    if (w->n_dirs == w->cap_dirs) {
        size_t cap = w->cap_dirs ? w->cap_dirs * 2 : 16;
        struct dir_id *grown = realloc(w->dirs, cap * sizeof *grown);
        if (!grown)
            return -1;
        w->dirs = grown;
        w->cap_dirs = cap;
    }
    w->dirs[w->n_dirs++] = (struct dir_id){st->st_dev, st->st_ino, true};
    return 0;
}

static int collect_path(struct walk *w, const char *path, int depth, struct loop_note *note,
                        const char *name);

/* Hidden entries (".git", editor backups) are skipped; a directory that cannot be read
 * becomes an input so the failure is reported under its name. */
static int collect_dir(struct walk *w, const char *path, const struct stat *st, int depth)
{
    size_t me = w->n_dirs;
    if (add_dir(w, st) < 0)
        return -1;
    struct dirent **names;
    int n = scandir(path, &names, NULL, by_name);
    if (n < 0) {
        w->dirs[me].open = false;
        return list_add(w->list, path, 0);
    }
    struct loop_note note = {.n = 0};
    note.names[0] = '\0';
    int rc = 0;
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        if (rc == 0 && name[0] != '.') {
            size_t len = strlen(path) + strlen(name) + 2;
            char *child = malloc(len);
            if (!child) {
                rc = -1;
            } else {
                snprintf(child, len, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/",
                         name);
                rc = collect_path(w, child, depth + 1, &note, name);
                free(child);
            }
        }
        free(names[i]);
    }
    free(names);
    w->dirs[me].open = false;
    if (note.n) {
        char why[320];
        snprintf(why, sizeof why, "symbolic link loop%s not followed: %s", note.n > 1 ? "s" : "",
                 note.names);
        report(w->run, path, why);
        w->run->stats->failed++;
    }
    return rc;
}

/* "https://..." given to import was meant as a feed, not a file that happens to be
 * missing. */
static bool looks_like_url(const char *path)
{
    return strncmp(path, "http://", 7) == 0 || strncmp(path, "https://", 8) == 0;
}

/* note and name are the enclosing directory's (NULL for a path given by the user). */
static int collect_path(struct walk *w, const char *path, int depth, struct loop_note *note,
                        const char *name)
{
    struct stat st;
    if (strcmp(path, "-") == 0)
        return list_add(w->list, path, 0);
    if (stat(path, &st) != 0) {
        if (errno == ELOOP && note) {
            note_loop(note, name);
            return 0;
        }
        report(w->run, path,
               errno == ENOENT && !note && looks_like_url(path)
                   ? "a URL, not a file: use 'sitrep feed add URL' to subscribe, then "
                     "'sitrep fetch'"
                   : strerror(errno));
        w->run->stats->failed++;
        return 0;
    }
    if (note && !S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
        /* Met while walking, a pipe or a device would block the import or never end; one
         * named on the command line (a <(command) substitution) is meant to be read. */
        report(w->run, path,
               S_ISFIFO(st.st_mode)   ? "named pipe, not read"
               : S_ISSOCK(st.st_mode) ? "socket, not read"
                                      : "device, not read");
        w->run->stats->failed++;
        return 0;
    }
    if (!S_ISDIR(st.st_mode) || depth > 64)
        return list_add(w->list, path, (size_t)st.st_size);
    const struct dir_id *seen = find_dir(w, &st);
    if (seen && seen->open && note)
        note_loop(note, name);
    if (seen)
        return 0; /* a loop, or a directory read already: its files are listed once */
    return collect_dir(w, path, &st, depth);
}

/* Assigns the batch's reports to events (events/event_incr.h) once they are committed. A
 * failure loses nothing: the reports stay in no event, and the next `sitrep events` or E
 * catches them up. */
/* The words the worker counted for the batch's report stored as article_id; the batch
 * is in the order it was stored, so its ids ascend (those not stored are 0). */
static const struct ev_text_terms *batch_terms(void *ctx, int64_t article_id)
{
    const struct ingest_run *r = ctx;
    size_t lo = 0, hi = r->batch_n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, k = mid;
        while (k < hi && r->batch[k].id == 0)
            k++; /* the next stored one at or after mid */
        if (k == hi || r->batch[k].id > article_id)
            hi = mid;
        else if (r->batch[k].id < article_id)
            lo = k + 1;
        else
            return r->batch[k].terms;
    }
    return NULL;
}

static void group_batch(struct ingest_run *r)
{
    struct ev_options o;
    ev_options_default(&o);
    o.defer_describe = true; /* once, at the import's end (describe_grouped) */
    o.text_terms = batch_terms;
    o.text_terms_ctx = r;
    r->grouped = true;
    if (ev_catch_up(r->store, &o, NULL) < 0 && !r->grouping_failed) {
        report(r, "events", "cannot assign the new reports to events; sitrep events will");
        r->grouping_failed = true;
    }
}

/* Labels, places and scores of the events the import's batches touched, each once. A
 * failure loses nothing: the next catch-up describes them. */
static void describe_grouped(struct ingest_run *r)
{
    double started = trace_clock_ms();
    if (r->grouped && !r->store_broken && ev_describe_stale(r->store) < 0 && !r->grouping_failed)
        report(r, "events", "cannot describe the events; sitrep events will");
    trace_span("import-describe", started);
}

static void drop_pending(struct pending *p)
{
    ev_text_terms_free(p->terms);
    p->terms = NULL;
    store_prepared_free(&p->pre);
    facts_free(&p->f);
    article_free(p->a);
    p->a = NULL;
}

static const char *origin_of(const struct article *a)
{
    return a->origin ? a->origin : "?";
}

static void drop_batch(struct pending *items, size_t n)
{
    for (size_t k = 0; k < n; k++)
        drop_pending(&items[k]);
}

/* The written batch goes to the workers to free when they run, else it is freed here; the
 * main thread starts a new batch array either way. */
static void hand_back_batch(struct ingest_run *r)
{
    struct spent_batch *sb = r->workers_free ? malloc(sizeof *sb) : NULL;
    if (!sb) {
        drop_batch(r->batch, r->batch_n);
        return;
    }
    *sb = (struct spent_batch){r->batch, r->batch_n, NULL};
    pthread_mutex_lock(&r->lock);
    sb->next = r->spent;
    r->spent = sb;
    pthread_cond_broadcast(&r->consumed);
    pthread_mutex_unlock(&r->lock);
    r->batch = NULL;
    r->batch_cap = 0;
}

/* Under the lock: frees one spent batch, the lock let go meanwhile. */
static void free_spent(struct ingest_run *r)
{
    struct spent_batch *sb = r->spent;
    r->spent = sb->next;
    pthread_mutex_unlock(&r->lock);
    drop_batch(sb->items, sb->n);
    free(sb->items);
    free(sb);
    pthread_mutex_lock(&r->lock);
}

/* What one write transaction did with a batch. */
struct batch_outcome {
    long added, duplicates, failed; /* failed: reported one by one, the rest went on */
    char reason[320];               /* set when the whole batch was lost */
};

static void write_batch(struct ingest_run *r, struct batch_outcome *out)
{
    sqlite3 *db = store_db(r->store);
    if (store_begin_adding(r->store) < 0) {
        snprintf(out->reason, sizeof out->reason, "cannot start a transaction: %s",
                 sqlite3_errmsg(db));
        return;
    }
    for (size_t k = 0; k < r->batch_n; k++) {
        struct pending *p = &r->batch[k];
        char err[256];
        int64_t id = 0;
        const struct facts *f = p->have_facts ? &p->f : NULL;
        int rc = p->prepared ? store_add_prepared(r->store, p->a, f, &p->pre, &id, err, sizeof err)
                             : store_add_article(r->store, p->a, f, &id, err, sizeof err);
        if (rc > 0) {
            if (p->a->is_read) /* a sitrep record keeps the exporter's read state */
                store_set_read(r->store, id, true);
            p->id = id;
            out->added++;
        } else if (rc == 0) {
            out->duplicates++; /* stored earlier in this import */
        } else if (!store_txn_open(db)) {
            /* SQLite rolled the transaction back (disk full, I/O error): all of it is lost */
            snprintf(out->reason, sizeof out->reason, "%s", err);
            store_rollback(r->store); /* ends the batch: checks back on */
            return;
        } else {
            report(r, origin_of(p->a), err);
            out->failed++;
        }
    }
    if (store_commit(r->store) < 0) {
        snprintf(out->reason, sizeof out->reason, "commit failed: %s", sqlite3_errmsg(db));
        store_rollback(r->store); /* also when SQLite rolled back itself: checks back on */
    }
}

/* Writes the batch in one transaction. Only what committed counts as imported; when the
 * batch is lost, each of its articles counts as failed, SQLite's reason is printed, the
 * log's space is given back and the import stops. */
static void flush_batch(struct ingest_run *r)
{
    if (r->batch_n == 0)
        return;
    struct batch_outcome out = {0};
    double started = trace_clock_ms();
    write_batch(r, &out);
    trace_span("import-write", started);
    if (out.reason[0]) {
        char why[400];
        long lost = (long)r->batch_n - out.failed;
        snprintf(why, sizeof why, "%s (%ld article%s not stored)", out.reason, lost,
                 lost == 1 ? "" : "s");
        report(r, "database", why);
        r->stats->failed += out.failed + lost;
        if (store_txn_release_log(store_db(r->store)) < 0)
            report(r, "database",
                   "the write-ahead log keeps its space until there is room to checkpoint it "
                   "(any sitrep command does, once space is freed)");
        r->store_broken = true;
    } else {
        r->stats->imported += out.added;
        r->stats->duplicates += out.duplicates;
        r->stats->failed += out.failed;
        if (out.added) {
            started = trace_clock_ms();
            group_batch(r);
            trace_span("import-group", started);
        }
    }
    hand_back_batch(r);
    r->batch_n = 0;
    r->batch_bytes = 0;
}

/* Moves an extracted article into the batch; a duplicate known before the import began
 * is counted and dropped. */
static void take_pending(struct ingest_run *r, struct pending *p)
{
    if (r->store_broken) {
        r->stats->failed++; /* never written: the store failed before its turn */
        drop_pending(p);
        return;
    }
    if (p->known) {
        r->stats->duplicates++;
        drop_pending(p);
        return;
    }
    if (r->x[0] && !p->have_facts)
        report(r, origin_of(p->a), "fact extraction failed; stored without facts");
    if (r->batch_n == r->batch_cap) {
        size_t cap = r->batch_cap ? r->batch_cap * 2 : 64;
        struct pending *grown = realloc(r->batch, cap * sizeof *grown);
        if (!grown) {
            report(r, origin_of(p->a), "out of memory");
            r->stats->failed++;
            drop_pending(p);
            return;
        }
        r->batch = grown;
        r->batch_cap = cap;
    }
    r->batch_bytes += p->a->text_len;
    r->batch[r->batch_n++] = *p;
    p->a = NULL;
    facts_init(&p->f);
    long per_batch = r->opt->batch_articles > 0 ? r->opt->batch_articles : INGEST_BATCH_ARTICLES;
    if ((long)r->batch_n >= per_batch || r->batch_bytes >= INGEST_BATCH_BYTES)
        flush_batch(r);
}

struct worker {
    struct ingest_run *run;
    struct extractor *x;
    struct store *reader; /* NULL: no check for stored duplicates before extraction */
    struct slot *slot;    /* the one being filled */
};

/* The article sink for workers: articles already stored are not worth extracting. */
static int collect_article(struct article *a, void *ctx)
{
    struct worker *w = ctx;
    struct slot *sl = w->slot;
    if (sl->n == sl->cap) {
        size_t cap = sl->cap ? sl->cap * 2 : 4;
        struct pending *grown = realloc(sl->items, cap * sizeof *grown);
        if (!grown) {
            article_free(a);
            sl->out_of_memory = true;
            return -1;
        }
        sl->items = grown;
        sl->cap = cap;
    }
    struct pending *p = &sl->items[sl->n++];
    p->a = a;
    facts_init(&p->f);
    p->known = w->reader && store_find_hash(w->reader, a->hash) > 0;
    p->have_facts = !p->known && w->x && extract_article(w->x, a, &p->f) == 0;
    p->terms = p->known ? NULL : ev_text_terms_new(a->title, a->text);
    memset(&p->pre, 0, sizeof p->pre);
    p->prepared = !p->known && store_prepare(a, p->have_facts ? &p->f : NULL, &p->pre) == 0;
    p->id = 0;
    return 0;
}

static void load_input(struct worker *w, size_t i)
{
    struct ingest_run *r = w->run;
    struct slot *sl = &r->slots[i % INGEST_WINDOW];
    w->slot = sl;
    sl->err[0] = '\0';
    sl->rc = reader_load(r->inputs->items[i].path, FORMAT_AUTO, collect_article, w, sl->err,
                         sizeof sl->err);
}

/* Under the lock: the workers are as far ahead as they may go. The input the main thread
 * waits for is always let through, however large. */
static bool window_full(const struct ingest_run *r)
{
    return r->next_input >= r->done_inputs + INGEST_WINDOW ||
           (r->next_input > r->done_inputs && r->bytes_ahead >= INGEST_WINDOW_BYTES);
}

/* The one writing thread bounds an import (it stores, indexes and groups everything the
 * workers extract), and with as many workers as cores the three share two cores evenly:
 * the workers yield to it instead. On Linux a thread's nice value is its own. */
static void yield_to_writer(void)
{
#ifdef __linux__
    setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), WORKER_NICE);
#endif
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    struct ingest_run *r = w->run;
    yield_to_writer();
    pthread_mutex_lock(&r->lock);
    for (;;) {
        /* Once every input is taken a worker stays to free the batches still to be
         * written, until the main thread says stop. */
        while (!r->stop && !r->spent && (r->next_input >= r->inputs->n || window_full(r)))
            pthread_cond_wait(&r->consumed, &r->lock);
        if (r->spent) {
            free_spent(r);
            continue;
        }
        if (r->stop)
            break;
        size_t i = r->next_input++;
        r->bytes_ahead += r->inputs->items[i].size;
        pthread_mutex_unlock(&r->lock);
        load_input(w, i);
        pthread_mutex_lock(&r->lock);
        r->slots[i % INGEST_WINDOW].ready = true;
        pthread_cond_broadcast(&r->filled);
    }
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

/* Main thread: waits for input i, stores its articles, reports its failure. */
static void consume_input(struct ingest_run *r, size_t i)
{
    struct slot *sl = &r->slots[i % INGEST_WINDOW];
    pthread_mutex_lock(&r->lock);
    while (!sl->ready)
        pthread_cond_wait(&r->filled, &r->lock);
    pthread_mutex_unlock(&r->lock);
    const struct input *in = &r->inputs->items[i];
    for (size_t k = 0; k < sl->n; k++)
        take_pending(r, &sl->items[k]);
    if (sl->out_of_memory || sl->rc < 0) {
        report(r, in->path,
               sl->out_of_memory ? "out of memory"
               : sl->err[0]      ? sl->err
                                 : "cannot read");
        r->stats->failed++;
    }
    r->stats->bytes += in->size;
    progress_update(&r->bar, r->stats->imported + r->stats->duplicates + (long)r->batch_n,
                    r->stats->bytes);
    sl->n = 0;
    sl->out_of_memory = false;
    pthread_mutex_lock(&r->lock);
    sl->ready = false;
    r->done_inputs = i + 1;
    r->bytes_ahead -= in->size;
    r->stop = r->store_broken;
    pthread_cond_broadcast(&r->consumed);
    pthread_mutex_unlock(&r->lock);
}

/* One worker per processor (SITREP_JOBS overrides the count); when extracting, one per
 * extractor that could be opened. */
static int count_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    const char *env = getenv("SITREP_JOBS");
    if (env && *env)
        n = strtol(env, NULL, 10);
    if (n < 1)
        n = 1;
    if (n > INGEST_MAX_JOBS)
        n = INGEST_MAX_JOBS;
    return (int)n;
}

static void open_extra_extractors(struct ingest_run *r)
{
    int want = count_jobs();
    r->jobs = 1;
    while (r->jobs < want) {
        char err[256];
        if (r->x[0] && !(r->x[r->jobs] = extractor_open(err, sizeof err)))
            break;
        r->jobs++;
    }
}

static void close_extra_extractors(struct ingest_run *r)
{
    for (int j = 1; j < r->jobs; j++)
        if (r->x[j])
            extractor_close(r->x[j]);
}

/* Runs the workers and stores what they produce; without threads the main thread loads
 * each input itself. */
static void run_pipeline(struct ingest_run *r)
{
    struct worker w[INGEST_MAX_JOBS];
    pthread_t tid[INGEST_MAX_JOBS];
    bool started[INGEST_MAX_JOBS] = {false};
    int n_started = 0;
    pthread_mutex_init(&r->lock, NULL);
    pthread_cond_init(&r->filled, NULL);
    pthread_cond_init(&r->consumed, NULL);
    for (int j = 0; j < r->jobs; j++) {
        /* Only extraction is worth a look-up first; the store skips duplicates anyway. */
        w[j] = (struct worker){r, r->x[j], r->x[0] ? store_open_reader(r->store) : NULL, NULL};
        started[j] = pthread_create(&tid[j], NULL, worker_main, &w[j]) == 0;
        n_started += started[j];
    }
    r->workers_free = n_started > 0;
    for (size_t i = 0; i < r->inputs->n && !r->store_broken; i++) {
        if (n_started == 0) {
            r->next_input = i + 1;
            r->bytes_ahead += r->inputs->items[i].size;
            load_input(&w[0], i);
            r->slots[i % INGEST_WINDOW].ready = true;
        }
        consume_input(r, i);
    }
    pthread_mutex_lock(&r->lock);
    r->stop = true;
    pthread_cond_broadcast(&r->consumed);
    pthread_mutex_unlock(&r->lock);
    for (int j = 0; j < r->jobs; j++) {
        if (started[j])
            pthread_join(tid[j], NULL);
        store_close(w[j].reader);
    }
    r->workers_free = false;
    /* The workers free every spent batch before they stop; should one remain, it is freed
     * here, under the lock free_spent expects. */
    pthread_mutex_lock(&r->lock);
    while (r->spent)
        free_spent(r);
    pthread_mutex_unlock(&r->lock);
    /* Inputs loaded after the store broke are dropped unread by the store. */
    for (size_t k = 0; k < INGEST_WINDOW; k++) {
        struct slot *sl = &r->slots[k];
        for (size_t m = 0; sl->ready && m < sl->n; m++)
            drop_pending(&sl->items[m]);
        free(sl->items);
    }
    pthread_cond_destroy(&r->consumed);
    pthread_cond_destroy(&r->filled);
    pthread_mutex_destroy(&r->lock);
}

/* Corrections in sitrep records name articles, so they are replayed once every article of
 * the import is stored. */
static void replay_record_corrections(struct ingest_run *r, const struct input_list *inputs)
{
    for (size_t i = 0; i < inputs->n && !r->store_broken; i++) {
        if (!record_corrections_maybe(inputs->items[i].path))
            continue;
        struct record_corrections_stats st = {0};
        char err[256];
        if (record_corrections_apply(r->store, inputs->items[i].path, &st, err, sizeof err) < 0)
            report(r, inputs->items[i].path, err);
        r->stats->corrections_added += st.added;
        r->stats->corrections_present += st.present;
        r->stats->corrections_failed += st.failed;
    }
}

/* Inputs never read because the store failed: each counts as failed, in one line. */
static void count_unread(struct ingest_run *r)
{
    if (!r->store_broken || r->done_inputs >= r->inputs->n)
        return;
    size_t n = r->inputs->n - r->done_inputs;
    char why[128];
    snprintf(why, sizeof why, "%zu input%s not imported after the failure", n, n == 1 ? "" : "s");
    report(r, "database", why);
    r->stats->failed += (long)n;
}

int ingest_paths(struct store *s, struct extractor *x, char *const *paths, int n_paths,
                 const struct ingest_options *opt, struct ingest_stats *stats)
{
    static const struct ingest_options defaults = {0};
    struct ingest_run *rp = calloc(1, sizeof *rp);
    struct slot *slots = calloc(INGEST_WINDOW, sizeof *slots);
    if (!rp || !slots) {
        free(rp);
        free(slots);
        memset(stats, 0, sizeof *stats);
        fputs("sitrep: out of memory\n", stderr);
        return 1;
    }
    rp->store = s;
    rp->slots = slots;
    rp->x[0] = x;
    rp->opt = opt ? opt : &defaults;
    /* Another writer (the reader marking an article read, a second import) holds the lock
     * for moments at a time: wait for it, and say so when it takes a while. */
    store_wait_set(store_db(s), rp->opt->quiet ? STORE_WAIT_QUIET : STORE_WAIT_TELL);
    rp->stats = stats;
    struct input_list inputs = {0};
    memset(stats, 0, sizeof *stats);
    struct walk walk = {.run = rp, .list = &inputs};
    for (int i = 0; i < n_paths; i++) {
        if (collect_path(&walk, paths[i], 0, NULL, NULL) < 0) {
            report(rp, paths[i], "out of memory");
            stats->failed++;
        }
    }
    free(walk.dirs);
    size_t total = 0;
    for (size_t i = 0; i < inputs.n; i++)
        total += inputs.items[i].size;
    rp->inputs = &inputs;
    /* libxml2 must be initialised before threads parse with it. */
    xmlInitParser();
    open_extra_extractors(rp);
    progress_start(&rp->bar, total);
    rp->bar.enabled = rp->bar.enabled && rp->opt->show_progress;
    run_pipeline(rp);
    flush_batch(rp);
    describe_grouped(rp);
    count_unread(rp);
    free(rp->batch);
    replay_record_corrections(rp, &inputs);
    stats->seconds = progress_elapsed(&rp->bar);
    progress_finish(&rp->bar);
    list_free(&inputs);
    close_extra_extractors(rp);
    free(rp->slots);
    free(rp);
    return stats->failed ? 1 : 0;
}

int ingest_article(struct store *s, struct extractor *x, const struct article *a, int64_t *id_out,
                   char *err, size_t errlen)
{
    int64_t known = store_find_hash(s, a->hash);
    if (known > 0) {
        *id_out = known;
        return 0;
    }
    struct facts f;
    facts_init(&f);
    bool have_facts = x && extract_article(x, a, &f) == 0;
    int rc = store_add_article(s, a, have_facts ? &f : NULL, id_out, err, errlen);
    facts_free(&f);
    return rc;
}

void ingest_print_summary(FILE *out, const struct ingest_stats *st)
{
    fprintf(out, "imported %ld, duplicates skipped %ld, failed %ld\n", st->imported, st->duplicates,
            st->failed);
    if (st->corrections_added || st->corrections_present || st->corrections_failed)
        fprintf(out, "corrections added %ld, already present %ld, not applicable %ld\n",
                st->corrections_added, st->corrections_present, st->corrections_failed);
}
