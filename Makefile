# make install [PREFIX=/usr/local] [DESTDIR=] — see scripts/install.
PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: build install check-install test

build:
	swift build -c release --product wirewatch

install:
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" scripts/install

check-install:
	scripts/check-install

test:
	swift test
