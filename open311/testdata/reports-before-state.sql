-- A reports file as sip wrote it before the state database (open311.database), with one request.
CREATE TABLE IF NOT EXISTS requests(
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	token TEXT NOT NULL UNIQUE,
	jurisdiction TEXT NOT NULL,
	service_code TEXT NOT NULL,
	service_name TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL,
	status_notes TEXT NOT NULL DEFAULT '',
	agency TEXT NOT NULL,
	agency_code TEXT NOT NULL,
	hosted INTEGER NOT NULL,
	notice TEXT NOT NULL DEFAULT '',
	requested INTEGER NOT NULL,  -- unix milliseconds, like every time here
	updated INTEGER NOT NULL,
	expected INTEGER NOT NULL DEFAULT 0,
	closed INTEGER NOT NULL DEFAULT 0,
	address TEXT NOT NULL DEFAULT '',
	address_id TEXT NOT NULL DEFAULT '',
	lat REAL NOT NULL, lon REAL NOT NULL, x REAL NOT NULL, y REAL NOT NULL,
	media_url TEXT NOT NULL DEFAULT '',
	has_media INTEGER NOT NULL DEFAULT 0,
	attributes TEXT NOT NULL DEFAULT '{}',
	decision TEXT NOT NULL DEFAULT '{}',
	version INTEGER NOT NULL DEFAULT 1,   -- bumped by every change
	staff_done INTEGER NOT NULL DEFAULT 0, -- version shown in the staff layer
	delivery_done INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS requests_requested ON requests(requested);
CREATE INDEX IF NOT EXISTS requests_pending ON requests(staff_done, delivery_done);
-- personal data, apart from the public fields; deleted after closing + retention
CREATE TABLE IF NOT EXISTS contacts(
	request_id INTEGER PRIMARY KEY REFERENCES requests(id),
	email TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',
	first_name TEXT NOT NULL DEFAULT '', last_name TEXT NOT NULL DEFAULT '',
	device_id TEXT NOT NULL DEFAULT '', account_id TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS notes(
	request_id INTEGER NOT NULL REFERENCES requests(id),
	n INTEGER NOT NULL,
	time INTEGER NOT NULL,
	state TEXT NOT NULL,
	text TEXT NOT NULL DEFAULT '',
	author TEXT NOT NULL,
	PRIMARY KEY(request_id, n));
CREATE TABLE IF NOT EXISTS media(
	request_id INTEGER PRIMARY KEY REFERENCES requests(id),
	content_type TEXT NOT NULL,
	bytes BLOB NOT NULL,
	width INTEGER NOT NULL,
	height INTEGER NOT NULL);
INSERT INTO requests(id, token, jurisdiction, service_code, service_name, description, state, agency, agency_code, hosted, requested, updated, lat, lon, x, y, has_media)
	VALUES(7, 'legacy-token-0123456789abcdef', 'powiat_laski', 'inne', 'Inny problem', 'dziura przed 2026', 'new', 'Gmina Łask', 'gmina-100301', 1, 1767225600000, 1767225600000, 51.59, 19.13, 431000.5, 497000.25, 1);
INSERT INTO contacts(request_id, email) VALUES(7, 'dawny.mieszkaniec@example.org');
INSERT INTO notes(request_id, n, time, state, text, author) VALUES(7, 1, 1767225600000, 'new', '', 'system');
INSERT INTO media(request_id, content_type, bytes, width, height) VALUES(7, 'image/jpeg', X'FFD8FFD9', 1, 1);
