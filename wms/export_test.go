package wms

// MapCacheStats reports the service's cache of drawable objects
// (cache.map_features): entries held, their bytes and the budget.
func (s *Service) MapCacheStats() (entries int, bytes, budget int64) {
	st := s.objs.Stats()
	return st.Entries, st.Bytes, st.Budget
}
