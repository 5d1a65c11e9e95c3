# Arsip: `make run` opens the window, `make test` runs the whole suite headless.
# Both create .venv, install the app into it and the system libraries Qt needs when missing.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed

QT_OFFSCREEN := libgl1 libegl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3
QT_WINDOW    := $(QT_OFFSCREEN) xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 \
                libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 \
                libxcb-randr0 libxcb-xfixes0 libxcb-sync1 libxcb-shm0 libx11-xcb1
# The suite runs every catalogue test on a throwaway PostgreSQL 15 cluster too (tests start it)
TEST_DEBS    := $(QT_OFFSCREEN) postgresql postgresql-client
# The AT-SPI smoke test (tests/gui/accessibility): the real window on Xvfb inside a private
# D-Bus session, its accessibility tree read with pyatspi by the system python3
A11Y_DEBS    := $(QT_WINDOW) dbus at-spi2-core python3-pyatspi
TEST_DEBS    += $(A11Y_DEBS)

.PHONY: run test test-postgres test-faults test-a11y install system-libs system-libs-test system-libs-window system-libs-desktop lint typecheck clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP)

system-libs:
	@bash scripts/ensure-debs.sh $(QT_OFFSCREEN)

system-libs-test:
	@bash scripts/ensure-debs.sh $(TEST_DEBS)

system-libs-window:
	@bash scripts/ensure-debs.sh $(QT_WINDOW)

# `archive-app desktop install` and its tests: the xdg tools, the MIME and desktop databases,
# the icon cache (without it xdg-icon-resource links ~/.icons), `mimetype` (what xdg-mime
# query filetype asks outside a desktop session), the validators of the .desktop and metainfo,
# and gio (its tests launch the entry as a desktop does)
DESKTOP_DEBS := xdg-utils shared-mime-info desktop-file-utils gtk-update-icon-cache \
                libfile-mimeinfo-perl appstream libglib2.0-bin

system-libs-desktop:
	@bash scripts/ensure-debs.sh $(DESKTOP_DEBS)

# Opens the window on the default library (or $$ARCHIVE_APP_LIBRARY). Without a display
# (a headless server) it runs on a virtual Xvfb screen instead of failing.
run: system-libs-window $(STAMP)
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then $(BIN)/archive-app; \
	else echo "no display found: running on a virtual screen (xvfb-run)"; \
	     xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/archive-app; fi

test: system-libs-test system-libs-desktop $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not faults_slow and not wheel_install"

# The whole suite again with every library a test opens by folder made a team catalogue on the
# throwaway PostgreSQL cluster (tests/backends.py); tests about SQLite files skip, named.
test-postgres: system-libs-test system-libs-desktop $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest --backend postgresql -m "not faults_slow and not wheel_install"

# Every fault case (kill points, damage, disk full, bad input), the slow ones too, then the
# table of cases: case, outcome, nothing lost. Writes bench-results/faults.jsonl.
test-faults: system-libs-test $(STAMP)
	@mkdir -p bench-results && rm -f bench-results/faults.jsonl
	QT_QPA_PLATFORM=offscreen ARSIP_FAULT_TABLE=$(CURDIR)/bench-results/faults.jsonl \
		$(PY) -m pytest tests/faults -p no:cacheprovider
	$(PY) scripts/fault_table.py bench-results/faults.jsonl

# The accessibility tests alone (also part of `make test`): Tab order and accessible names of
# the window and every dialog, a keyboard-only session, high contrast and the system font
# size, and the AT-SPI smoke test (a screen reader's view of the running window).
test-a11y: system-libs-test $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/gui/accessibility -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

.PHONY: eval bench-normalise

# Score the normaliser against the gold records in ../shared/gold (see its SCHEMA.md).
GOLD ?= ../shared/gold
eval: $(STAMP)
	$(BIN)/archive-app eval $(GOLD)/seed.json
	$(BIN)/archive-app eval $(GOLD)/dev.json
	$(BIN)/archive-app eval $(GOLD)/dev-extra.json

# Articles per second of the normaliser alone, on one core; writes bench-results/normalise.json.
bench-normalise: $(STAMP)
	$(PY) scripts/bench_normalise.py

.PHONY: bench-search gen-corpus

# Search speed at ARTICLES generated articles beside SQLite FTS5: prints a table and writes
# bench-results/search-$(ARTICLES).json. BENCH_ARGS=--reuse keeps an earlier corpus and library.
ARTICLES ?= 100000
bench-search: $(STAMP)
	$(PY) benchmarks/bench_search.py --articles $(ARTICLES) $(BENCH_ARGS)

# Where a search's time goes: each query class under cProfile, by stage (matcher, phrase checks,
# snippets, catalogue look-ups, facets), on the library bench-search built at ARTICLES.
.PHONY: profile-search
profile-search: $(STAMP)
	$(PY) benchmarks/profile_queries.py --articles $(ARTICLES) $(PROFILE_ARGS)

# The deterministic synthetic corpus alone: bench-results/corpus-$(ARTICLES)/part-*.jsonl.gz
gen-corpus: $(STAMP)
	$(PY) benchmarks/generate.py --articles $(ARTICLES)

.PHONY: screenshots manual-screenshots bench-gui icons

# The desktop menu's PNG icons (resources/icons/hicolor/*/apps/), drawn from
# resources/icons/arsip.svg with Qt's SVG renderer; run after changing the SVG, commit the PNGs.
icons: system-libs $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m scripts.render_icons

# PNGs of the window on a library imported from ../shared/corpus (kept in build/ for the next
# run), on a virtual screen: welcome, search with facets and histogram, reader with a photo,
# photo viewer, a person's page, dark theme, Indonesian, cataloguing, the Needs review queue,
# the manual (English, Indonesian) and About, the keyboard focus outline and both high-contrast
# themes, File ▸ Recent libraries, a vanished library and the crash dialog; two desktops on a
# team library side by side (group team: a throwaway PostgreSQL cluster, two `archive-app gui`
# processes driven by xdotool on a wide Xvfb screen of their own). Written to
# screenshots/; `ARGS="--only review"` takes one group (window, catalogue,
# review, conflict, help, libraries, access, team).
SHOT_DEBS := $(QT_WINDOW) xdotool postgresql
screenshots: system-libs-window $(STAMP)
	@bash scripts/ensure-debs.sh $(SHOT_DEBS)
	xvfb-run -a -s "-screen 0 1400x900x24" $(PY) -m scripts.screenshots $(ARGS)

# The offline manual's pictures, shipped with Arsip (resources/manual/images/<language>/): the
# window and dialogs on the built-in samples of resources/samples/ only (never ../shared/corpus),
# in English and Indonesian, grabbed offscreen, 900 px wide in 256 colours.
manual-screenshots: system-libs $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m scripts.screenshots.manual_shots

# The window's speed, offscreen, on bench-results/library-100000 (else the corpus library):
# launch, first page painted, an article with photos, scrolling, memory. Writes
# bench-results/gui.json.
bench-gui: system-libs $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks.gui_bench

.PHONY: eval-html check-corpus

# Imports all of ../shared/corpus into a fresh library and counts records breaking invariants
# that need no gold (control characters, labels left in bodies, dates not read, language vs
# script, shared titles, tiny photos); writes bench-results/check-corpus.json.
check-corpus: $(STAMP)
	$(PY) scripts/check_corpus.py

# The saved-page reader against ../shared/corpus: body F1 on the article-extraction benchmark,
# fundus caption and credit match rates, and article-or-list on html_id; writes
# bench-results/eval-html.json (MISSES=1 lists every unmatched photo).
eval-html: $(STAMP)
	$(PY) scripts/eval_html.py $(if $(MISSES),--misses)

.PHONY: bench-import

# Import speed and memory by format: all of ../shared/corpus, then $(ARTICLES) generated
# articles, one import process per row; writes bench-results/import-$(ARTICLES).json.
bench-import: $(STAMP)
	$(PY) benchmarks/bench_import.py --articles $(ARTICLES)

.PHONY: bench-team

# A team library on a throwaway PostgreSQL cluster: 2 desktops importing and 3 cataloguing at
# once, one listening; import rate against a folder library, edits/s with conflicts, commit to
# search latency, a new desktop's index build at $(ARTICLES) articles, no update lost; writes
# bench-results/team.json. TEAM_ARGS=--quick runs it at 2,000 articles.
bench-team: $(STAMP)
	$(PY) benchmarks/bench_team.py --articles $(ARTICLES) $(TEAM_ARGS)

.PHONY: wheel-test bundle bundle-test

# Builds the wheel, installs it with its dependencies into a fresh virtual environment and runs
# `archive-app selftest` there: ~2 min with pip's cache warm (a first run downloads PySide6),
# so `make test` leaves it out.
wheel-test: system-libs $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/test_wheel_install.py -m wheel_install \
		-p no:cacheprovider -s

BUNDLE := build/bundle/dist/arsip
# PyInstaller reads binaries' dependencies with binutils (objdump); bundle-test covers the
# machine's Python installations with mounts (mount, unshare) while the bundle runs
BUNDLE_DEBS := binutils mount

# The one-folder application of packaging/arsip.spec in build/bundle/dist/arsip: `archive-app`
# (console) and `Arsip` (window) over one copy of Python and Qt, run without Python installed.
bundle: system-libs $(STAMP)
	@bash scripts/ensure-debs.sh $(BUNDLE_DEBS)
	$(PY) -m pip install --quiet -e '.[bundle]'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath build/bundle/dist \
		--workpath build/bundle/work packaging/arsip.spec
	@du -sh $(BUNDLE)

# Builds the bundle, then checks it: every module collected, `selftest` with Python hidden,
# an import and a reindex in spawned workers, the start time and size (bench-results/bundle.json).
bundle-test: bundle
	$(PY) scripts/bundle_test.py $(BUNDLE)
