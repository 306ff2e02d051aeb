# styrdok - see README.md.  `make` installs what is missing, builds and
# renders the bundled sources into output/; `make check` runs every test.

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/styrdok
MANDIR   ?= $(PREFIX)/share/man
DESTDIR  ?=

PKGS     = libxml-2.0 libxslt libexslt libcmark nettle libzip libmicrohttpd libqrencode
CC       ?= cc
CFLAGS   ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Wmissing-prototypes -Wstrict-prototypes \
           -Wwrite-strings -Wshadow -Wno-unused-parameter
CPPFLAGS += -D_GNU_SOURCE -DSTYRDOK_DATADIR='"$(DATADIR)"'
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

# Sanitizer and other local flags go in Makefile.local (not committed).
-include Makefile.local

OBJS = src/util.o src/diag.o src/tree.o src/load.o src/validate.o src/rules.o src/registers.o \
       src/markdown.o src/enrich.o src/transform.o src/write.o src/pipeline.o \
       src/archive.o src/signatures.o src/render.o src/build.o src/cmd_check.o \
       src/cmd_diff.o src/cmd_adopt.o src/cmd_sign.o src/cmd_signed.o src/cmd_packet.o \
       src/diff.o src/csv.o src/record.o src/package.o src/pdf.o \
       src/cmd_serve.o src/qr.o src/lock.o src/signals.o src/jvm.o
HDRS = src/styrdok.h src/util.h src/diag.h src/render.h src/cmd.h

.PHONY: all deps docs bench check check-browser test-unit test-regress test-cli regen \
        install uninstall clean asan valgrind lint-man fuzz fuzz-smoke torture

all: deps styrdok docs

deps:
	@sh tools/install-deps.sh

styrdok: $(OBJS) src/main.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) src/main.o $(PKG_LIBS)

src/%.o: src/%.c $(HDRS)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

docs: styrdok
	./styrdok build

tests/unit/test_util: tests/unit/test_util.c $(OBJS) $(HDRS)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -Isrc -o $@ \
	    tests/unit/test_util.c $(OBJS) $(PKG_LIBS) -lcmocka

check: styrdok tests/unit/test_util
	@sh tests/run-all.sh

bench: styrdok
	@sh tools/install-deps.sh bench
	@sh tests/bench/run.sh

# Every write step (every TORTURE_STEP-th) of adopt, build, sign and
# packet killed and failed, and TORTURE_RUNS (50) random kills of each
# and twice as many concurrent runs.
torture: styrdok
	@sh tests/reliability/run.sh --torture

check-browser: styrdok
	@sh tests/browser/check.sh

test-unit: tests/unit/test_util
	./tests/unit/test_util

test-regress: styrdok
	@sh tests/regress/run.sh

test-cli: styrdok
	@sh tests/cli/run.sh

regen: styrdok
	@sh tests/regress/run.sh --regen

lint-man:
	@if command -v mandoc >/dev/null; then mandoc -Tlint -Wwarning styrdok.1 && echo "styrdok.1: mandoc -Tlint clean"; \
	else echo "mandoc not installed: man page not linted"; fi

asan:
	$(MAKE) clean
	$(MAKE) styrdok tests/unit/test_util CFLAGS='-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' LDFLAGS='-fsanitize=address,undefined'
	STYRDOK_ASAN=1 ASAN_OPTIONS=detect_leaks=1:hard_rss_limit_mb=2048 sh tests/run-all.sh
	$(MAKE) clean

valgrind: styrdok tests/unit/test_util
	STYRDOK_VALGRIND=1 sh tests/run-all.sh

install: styrdok
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates \
	    $(DESTDIR)$(MANDIR)/man1
	install -m 755 styrdok $(DESTDIR)$(BINDIR)/styrdok
	cd templates && find . -type d -exec install -d $(DESTDIR)$(DATADIR)/templates/{} \;
	cd templates && find . -type f -exec install -m 644 {} $(DESTDIR)$(DATADIR)/templates/{} \;
	install -m 644 styrdok.1 $(DESTDIR)$(MANDIR)/man1/styrdok.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/styrdok $(DESTDIR)$(MANDIR)/man1/styrdok.1
	rm -rf $(DESTDIR)$(DATADIR)

# libFuzzer targets (clang): objects built apart from the normal ones.
FUZZ_TARGETS = document markdown staff diff
FUZZ_SECONDS ?= 300
FUZZ_CC      = clang
FUZZ_CFLAGS  = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
               -fno-omit-frame-pointer
FUZZ_OBJS    = $(OBJS:src/%.o=fuzz-build/%.o)
FUZZ_BINS    = $(FUZZ_TARGETS:%=fuzz-build/fuzz_%)

fuzz-build/%.o: src/%.c $(HDRS)
	@mkdir -p fuzz-build
	$(FUZZ_CC) $(CPPFLAGS) $(WARN) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link \
	    $(PKG_CFLAGS) -c -o $@ $<

fuzz-build/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_OBJS)
	$(FUZZ_CC) $(CPPFLAGS) $(WARN) $(FUZZ_CFLAGS) -fsanitize=fuzzer \
	    $(PKG_CFLAGS) -Isrc -o $@ $< $(FUZZ_OBJS) $(PKG_LIBS)

# Each target for FUZZ_SECONDS (default 300) from the seed corpora.
fuzz: $(FUZZ_BINS)
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The reproducers of past findings, then a short run of each target.
fuzz-smoke: $(FUZZ_BINS)
	@sh tests/fuzz/run.sh 20 $(FUZZ_TARGETS)

clean:
	rm -f styrdok src/*.o tests/unit/test_util
	rm -f fuzz-build/*.o $(FUZZ_BINS)
