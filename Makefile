# sitrep — a terminal reader for conflict and crisis reporting.
#
#   make            build ./sitrep (and the compiled gazetteer index)
#   make run        install missing build dependencies, build, open the sample collection
#   make check      build and run every test
#   make check-asan the same tests on an ASan + UBSan build
#   make check-layers  fail on an include that points up the pipeline or round a circle
#   make fuzz       build the libFuzzer targets (clang) and run each FUZZ_SECONDS seconds
#   make bench      benchmarks (speed and memory; never part of check)
#   make deps       install missing build dependencies (Debian/Ubuntu, apt-get)
#   make gazetteer  regenerate assets/gazetteer.tsv from ../shared/data/geonames
#   make map        regenerate assets/map-110m.bin and map-50m.bin from Natural Earth
#   make install / uninstall   (PREFIX, DESTDIR)
#   make format     clang-format every C file

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/sitrep
MANDIR   ?= $(PREFIX)/share/man
BUILD    ?= build
SAN      ?=
CC       ?= cc
PKGS      = ncursesw sqlite3 libxml-2.0 libcurl
SHARED   ?= ../shared

OPT      ?= -O2 -g
ifeq ($(SAN),1)
OPT       = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
endif
# The fuzz build: every object instrumented for libFuzzer's coverage; only the targets link
# libFuzzer's main (FUZZ_LINK).
ifeq ($(SAN),fuzz)
OPT       = -O1 -g -fsanitize=address,undefined,fuzzer-no-link -fno-omit-frame-pointer \
            -fno-sanitize-recover=undefined
endif
FUZZ_SECONDS ?= 60
FUZZ_BUILD   ?= build-fuzz
WARN      = -std=c17 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wno-unused-parameter
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS  = $(WARN) $(OPT) $(PKG_CFLAGS) -D_GNU_SOURCE -Isrc -Iui \
              -DSITREP_DATADIR='"$(DATADIR)"' -DSITREP_VERSION='"$(VERSION)"' $(CFLAGS)
ALL_LDLIBS  = $(PKG_LIBS) -lunistring -lm -lpthread $(LDLIBS)
GIT_REV    := $(shell git rev-parse --short HEAD 2>/dev/null)
VERSION    := 0.1$(if $(GIT_REV),+$(GIT_REV))

LIB_SRC  := $(wildcard src/*/*.c)
UI_SRC   := $(wildcard ui/*.c ui/views/*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
UI_OBJ   := $(UI_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(wildcard tests/unit/test_*.c)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES := $(FUZZ_SRC:tests/fuzz/fuzz_%.c=%)
# Each target twice: with libFuzzer (make fuzz) and with a plain main that replays the
# kept inputs (make check; any compiler).
FUZZ_BIN := $(FUZZ_NAMES:%=$(BUILD)/fuzz/fuzz_%)
FUZZ_REPLAY := $(FUZZ_NAMES:%=$(BUILD)/fuzz/replay_%)
FUZZ_COMMON := tests/fuzz/common.c
TOOL_SRC := $(wildcard tools/*.c)
TOOL_BIN := $(TOOL_SRC:tools/%.c=$(BUILD)/tools/%)
GAZ_TSV  := assets/gazetteer.tsv
GAZ_SUPP := assets/places-supplement.tsv
GAZ_IDX  := assets/gazetteer.idx
SITREP   := $(BUILD)/sitrep

.PHONY: all run check check-layers check-asan test-run bench fuzz fuzz-targets deps gazetteer map install uninstall clean format \
        tools tests
all: $(SITREP) sitrep $(if $(wildcard $(GAZ_TSV)),$(GAZ_IDX)) tools

# The top-level ./sitrep is the normal build; sanitizer builds live only under their BUILD dir.
sitrep: $(BUILD)/sitrep
	@if [ "$(BUILD)" = build ] && [ "$(SAN)" != 1 ]; then ln -sf build/sitrep sitrep; fi

# main.c alone joins the command line and the reader; both use the library, never the
# other way round (make check-layers), so each archive is listed once.
$(BUILD)/sitrep: $(BUILD)/src/main.o $(BUILD)/libsitrep-ui.a $(BUILD)/libsitrep.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LDLIBS)

$(BUILD)/libsitrep.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libsitrep-ui.a: $(UI_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libsitrep-ui.a $(BUILD)/libsitrep.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $^ $(ALL_LDLIBS)

$(BUILD)/tools/%: tools/%.c $(BUILD)/libsitrep.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LDLIBS)

$(BUILD)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c $(FUZZ_COMMON) $(BUILD)/libsitrep-ui.a \
                       $(BUILD)/libsitrep.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/fuzz -o $@ $^ $(ALL_LDLIBS)

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_COMMON) $(BUILD)/libsitrep-ui.a $(BUILD)/libsitrep.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -Itests/fuzz -o $@ $^ $(ALL_LDLIBS)

tools: $(TOOL_BIN)
tests: $(TEST_BIN) $(FUZZ_REPLAY)
fuzz-targets: $(FUZZ_BIN)

# The compiled gazetteer index is built from the committed TSV and the hand-kept supplement,
# so start-up maps it instead of parsing text.
$(GAZ_IDX): $(GAZ_TSV) $(GAZ_SUPP) $(BUILD)/tools/gazc
	$(BUILD)/tools/gazc -o $@ $(GAZ_TSV) $(GAZ_SUPP)

# The map asset: Natural Earth outlines (TopoJSON) converted into a file the reader maps.
NE_DIR   ?= $(SHARED)/data/natural-earth
map:
	for scale in 110m 50m; do \
	    python3 tools/genmap.py --topojson $(NE_DIR)/countries-$$scale.json \
	        --iso /usr/share/iso-codes/json/iso_3166-1.json --license $(NE_DIR)/LICENSE \
	        -o assets/map-$$scale.bin || exit 1; \
	done

gazetteer:
	python3 tools/gengaz.py --geonames $(SHARED)/data/geonames \
	    --iso /usr/share/iso-codes/json -o $(GAZ_TSV)

run: deps all
	./sitrep

check-layers:
	@python3 tools/check_layers.py

check: all tests check-layers
	@SITREP=$(CURDIR)/$(SITREP) BUILD=$(BUILD) sh tests/run.sh

check-asan:
	$(MAKE) BUILD=build-asan SAN=1 all tests
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  SITREP=$(CURDIR)/build-asan/sitrep BUILD=build-asan sh tests/run.sh

bench: all
	@SITREP=$(CURDIR)/$(SITREP) BUILD=$(BUILD) sh tests/bench/run.sh

deps:
	@sh tools/deps.sh

# Needs clang with libFuzzer (make deps installs it). New crashes are copied to
# tests/fuzz/regress/TARGET/, where make check replays them.
fuzz: $(if $(wildcard $(GAZ_TSV)),$(GAZ_IDX))
	$(MAKE) BUILD=$(FUZZ_BUILD) SAN=fuzz CC=clang fuzz-targets
	@SITREP_DATA_DIR=$(CURDIR)/assets sh tests/fuzz/run.sh $(FUZZ_BUILD)/fuzz $(FUZZ_SECONDS)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/samples $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/sitrep $(DESTDIR)$(BINDIR)/sitrep
	install -m 644 $(GAZ_IDX) $(DESTDIR)$(DATADIR)/
	for f in assets/*.tsv assets/*.txt assets/map-*.bin; do [ -f "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(DATADIR)/; done; true
	install -m 644 assets/samples/* $(DESTDIR)$(DATADIR)/samples/
	[ -f assets/sitrep.1 ] && install -m 644 assets/sitrep.1 $(DESTDIR)$(MANDIR)/man1/ || true
	install -m 644 assets/config.example $(DESTDIR)$(DATADIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/sitrep $(DESTDIR)$(MANDIR)/man1/sitrep.1
	rm -rf $(DESTDIR)$(DATADIR)

format:
	clang-format -i src/*.c src/*/*.[ch] ui/*.[ch] ui/views/*.[ch] tests/unit/*.[ch] tests/fuzz/*.[ch] tools/*.c

clean:
	rm -rf build build-asan $(FUZZ_BUILD) sitrep $(GAZ_IDX)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
