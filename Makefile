# Two commands for a new user: `make run` and `make test`. Both set everything up.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
export QT_QPA_PLATFORM_PLUGIN_PATH :=

.PHONY: install run test test-sync lint bench dist dist-smoke screenshots clean translations

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { \
	  echo "error: Python's venv module is missing: sudo apt-get install python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test,sqlcipher]'
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) -m authenticator

lint: install
	$(VENV)/bin/ruff check authenticator tests benchmarks scripts
	$(VENV)/bin/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The two-device Syncthing soak alone (50 rounds, ~2 min; `make test` runs it too).
test-sync: install
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/sync

# Every benchmark runs even when an earlier one misses a target; the exit status says
# whether any missed (they are listed at the end).
BENCHMARKS := otp vault scan gui imports hostile quickpick browser
bench: install
	@missed=""; for b in $(BENCHMARKS); do \
	  [ -f benchmarks/$$b.py ] || continue; \
	  echo "== benchmarks/$$b.py"; \
	  QT_QPA_PLATFORM=offscreen $(PY) benchmarks/$$b.py || missed="$$missed $$b"; \
	done; \
	if [ -n "$$missed" ]; then echo "bench: targets missed in:$$missed"; exit 1; fi; \
	echo "bench: every target met"

screenshots: install
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py docs/screenshots
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py docs/screenshots --lang fr
	# HiDPI crops as on a 1400x900 screen at 200 % (Xvfb; offscreen's screen is too small)
	xvfb-run -a -s '-screen 0 1400x900x24' env QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=2 \
	  $(PY) scripts/screenshots.py docs/screenshots --hidpi
	$(PY) scripts/popup_screenshot.py docs/screenshots

dist: install
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dist]'
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
	$(PY) scripts/pack_extension.py dist

dist-smoke: dist
	bash scripts/smoke_dist.sh

# After adding or changing visible strings: refresh the .ts (then translate the new
# entries, e.g. with Qt Linguist) and compile the .qm the app loads.
# English gets only the plural forms of "%n account(s)" strings (-pluralonly).
TS := resources/translations/authenticator_fr.ts
TS_EN := resources/translations/authenticator_en.ts
translations: install
	$(VENV)/bin/pyside6-lupdate -no-obsolete $$(find authenticator/ui -name "*.py" | sort) -ts $(TS)
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -pluralonly $$(find authenticator/ui -name "*.py" | sort) -ts $(TS_EN)
	$(VENV)/bin/pyside6-lrelease $(TS_EN) -qm $(TS_EN:.ts=.qm)

clean:
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache
