package gpkg

import (
	"context"
	"database/sql"
	"sync"
)

// maxStmts bounds the prepared reader statements a store keeps. The read
// queries come in a few shapes (layer × filters × paging), so the cache holds
// all of them in practice; texts beyond it are prepared per call, as before.
const maxStmts = 256

// stmtCache keeps prepared reader statements by SQL text: preparing a query
// costs about as much as stepping a hundred rows of it.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// readQuery runs a read query through a cached prepared statement.
func (s *Store) readQuery(ctx context.Context, sqlText string, args ...any) (*sql.Rows, error) {
	st, err := s.readStmt(ctx, sqlText)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return s.rdb.QueryContext(ctx, sqlText, args...)
	}
	return st.QueryContext(ctx, args...)
}

// readQueryRow is readQuery for a single row.
func (s *Store) readQueryRow(ctx context.Context, sqlText string, args ...any) *sql.Row {
	st, err := s.readStmt(ctx, sqlText)
	if err != nil || st == nil {
		return s.rdb.QueryRowContext(ctx, sqlText, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// readStmt returns the cached statement of sqlText, preparing it on first use;
// nil (and no error) when the cache is full or the store closed.
func (s *Store) readStmt(ctx context.Context, sqlText string) (*sql.Stmt, error) {
	c := &s.stmts
	c.mu.Lock()
	st, ok := c.m[sqlText]
	full := len(c.m) >= maxStmts
	c.mu.Unlock()
	if ok {
		return st, nil
	}
	if full || s.closed.Load() {
		return nil, nil
	}
	st, err := s.rdb.PrepareContext(ctx, sqlText)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[sqlText]; ok {
		st.Close()
		return old, nil
	}
	if len(c.m) >= maxStmts || s.closed.Load() {
		st.Close()
		return nil, nil
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[sqlText] = st
	return st, nil
}

// closeStmts closes the cached statements (before the reader pool closes).
func (s *Store) closeStmts() {
	c := &s.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	clear(c.m)
}
