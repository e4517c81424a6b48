/* paths.h: where sitrep's shipped data lives. A checkout runs from its own assets/, an
 * installed binary from $(DATADIR); $SITREP_DATA_DIR overrides both. */
#ifndef SITREP_PATHS_H
#define SITREP_PATHS_H

/* Returns a malloc'd path to the named asset ("gazetteer.idx", "actors.tsv", "samples"),
 * the first that exists of: $SITREP_DATA_DIR/NAME, <dir of the executable>/assets/NAME,
 * <dir of the executable>/../assets/NAME, <DATADIR>/NAME. NULL when none exists. */
char *paths_asset(const char *name);

#endif
