package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"

	"github.com/entente/entente/internal/store"
)

// scenarioJSON is a stored scenario as the API returns it.
type scenarioJSON struct {
	store.Meta
	SHA256   string    `json:"sha256"`
	Scenario *Scenario `json:"scenario"`
}

func (s *Server) loadScenario(ctx context.Context, id string, version int) (*Scenario, *store.Scenario, error) {
	st, err := s.store.Get(ctx, id, version)
	if err != nil {
		return nil, nil, err
	}
	var sc Scenario
	if err := json.Unmarshal(st.Body, &sc); err != nil {
		return nil, nil, err
	}
	return &sc, st, nil
}

func (s *Server) listScenarios(w http.ResponseWriter, r *http.Request) error {
	list, err := s.store.List(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, list)
}

// saveScenario validates the body as a scenario (its world must build) and
// stores it as a new version of id (a new scenario when id is empty). The
// response is sent only after the transaction committed.
func (s *Server) saveScenario(w http.ResponseWriter, r *http.Request, id string, status int) error {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	sc, err := decodeScenario(b)
	if err != nil {
		return err
	}
	if _, err := s.build(sc); err != nil {
		return err
	}
	base, err := intParam(r.URL.Query().Get("base"), "base", 0)
	if err != nil {
		return err
	}
	body, err := json.Marshal(sc)
	if err != nil {
		return err
	}
	m, err := s.store.Save(r.Context(), id, sc.Name, sc.Author, base, body)
	if err != nil {
		return err
	}
	st, err := s.store.Get(r.Context(), m.ID, m.Version)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/scenarios/"+m.ID)
	return writeJSON(w, status, scenarioJSON{Meta: st.Meta, SHA256: st.SHA256, Scenario: sc})
}

func (s *Server) createScenario(w http.ResponseWriter, r *http.Request) error {
	return s.saveScenario(w, r, "", http.StatusCreated)
}

func (s *Server) updateScenario(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if _, err := s.store.Get(r.Context(), id, 0); err != nil {
		return err
	}
	return s.saveScenario(w, r, id, http.StatusOK)
}

func (s *Server) getScenario(w http.ResponseWriter, r *http.Request) error {
	return s.writeScenario(w, r, r.PathValue("id"), 0)
}

func (s *Server) getScenarioVersion(w http.ResponseWriter, r *http.Request) error {
	v, err := strconv.Atoi(r.PathValue("version"))
	if err != nil || v < 1 {
		return badRequest("bad_path", "version %q: want a number >= 1", r.PathValue("version"))
	}
	return s.writeScenario(w, r, r.PathValue("id"), v)
}

func (s *Server) writeScenario(w http.ResponseWriter, r *http.Request, id string, version int) error {
	sc, st, err := s.loadScenario(r.Context(), id, version)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, scenarioJSON{Meta: st.Meta, SHA256: st.SHA256, Scenario: sc})
}

func (s *Server) scenarioVersions(w http.ResponseWriter, r *http.Request) error {
	vs, err := s.store.Versions(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, vs)
}

func (s *Server) deleteScenario(w http.ResponseWriter, r *http.Request) error {
	if err := s.store.Delete(r.Context(), r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
