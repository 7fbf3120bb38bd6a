package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/entente/entente/internal/store"
	"github.com/entente/entente/internal/worldfile"
)

// apiError is an error with its HTTP status and a stable code.
type apiError struct {
	Status  int
	Code    string
	Message string
}

func (e *apiError) Error() string { return e.Message }

func badRequest(code, format string, a ...any) error {
	return &apiError{Status: http.StatusBadRequest, Code: code, Message: fmt.Sprintf(format, a...)}
}

// errorBody is the JSON of every error response. Errors lists each problem
// of an invalid world file with its position, as the CLI prints them.
type errorBody struct {
	Code    string          `json:"code"`
	Message string          `json:"message"`
	Errors  []positionError `json:"errors,omitempty"`
}

type positionError struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

// classify turns err into a status and the JSON body to send.
func classify(err error) (int, errorBody) {
	var ae *apiError
	var mbe *http.MaxBytesError
	var wl worldfile.ErrorList
	var we *worldfile.Error
	switch {
	case errors.As(err, &ae):
		return ae.Status, errorBody{Code: ae.Code, Message: ae.Message}
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge, errorBody{Code: "too_large",
			Message: fmt.Sprintf("request body over the limit of %d bytes", mbe.Limit)}
	case errors.As(err, &wl):
		b := errorBody{Code: "invalid_world", Message: err.Error()}
		for _, e := range wl {
			b.Errors = append(b.Errors, position(e))
		}
		return http.StatusBadRequest, b
	case errors.As(err, &we):
		return http.StatusBadRequest, errorBody{Code: "invalid_world", Message: err.Error(), Errors: []positionError{position(we)}}
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, errorBody{Code: "not_found", Message: err.Error()}
	case errors.Is(err, store.ErrConflict):
		return http.StatusConflict, errorBody{Code: "conflict", Message: err.Error()}
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, errorBody{Code: "timeout", Message: "the computation took longer than the server's request timeout"}
	}
	return http.StatusInternalServerError, errorBody{Code: "internal", Message: err.Error()}
}

func position(e *worldfile.Error) positionError {
	return positionError{File: e.File, Line: e.Line, Column: e.Column, Field: e.Field, Message: e.Err.Error()}
}
