-- An alerts file as sip wrote it before the state database (alerts.database), with one subscriber.
CREATE TABLE IF NOT EXISTS alerts(
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	rev INTEGER NOT NULL,          -- latest revision
	cancelled INTEGER NOT NULL DEFAULT 0,
	expires INTEGER NOT NULL,      -- unix milliseconds, like every time here
	sent INTEGER NOT NULL,
	shown INTEGER NOT NULL DEFAULT 0); -- revision in the public layer, -1 ended
CREATE TABLE IF NOT EXISTS revisions(
	alert_id INTEGER NOT NULL REFERENCES alerts(id),
	rev INTEGER NOT NULL,
	doc TEXT NOT NULL,             -- the Alert as JSON
	delivered INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY(alert_id, rev));
CREATE INDEX IF NOT EXISTS revisions_undelivered ON revisions(delivered);
-- personal data: contacts, deleted on unsubscribe
CREATE TABLE IF NOT EXISTS subscribers(
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	token TEXT NOT NULL UNIQUE,
	email TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT '',
	place TEXT NOT NULL,           -- the address or parcel as stored
	geom TEXT NOT NULL,            -- its geometry (EPSG:2180) as JSON
	minx REAL NOT NULL, miny REAL NOT NULL, maxx REAL NOT NULL, maxy REAL NOT NULL,
	created INTEGER NOT NULL,
	confirmed INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS recipients(
	alert_id INTEGER NOT NULL,
	subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
	key TEXT NOT NULL,
	PRIMARY KEY(alert_id, subscriber_id, key));
CREATE INDEX IF NOT EXISTS recipients_sub ON recipients(subscriber_id);
INSERT INTO subscribers(id, token, email, place, geom, minx, miny, maxx, maxy, created, confirmed)
	VALUES(3, 'legacy-subscriber-token', 'dawny.subskrybent@example.org', 'Łask, ul. Kościuszki 12', '[[[[0,0],[10,0],[10,10],[0,10],[0,0]]]]', 0, 0, 10, 10, 1767225600000, 1767225700000);
