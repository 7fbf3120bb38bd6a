// Package logit fits L2-penalised (ridge) logistic regression by Newton's
// method (iteratively reweighted least squares) on a column-major design:
//
//	P(y_i = 1) = σ(β0 + Σ_k β_k x_ik),  σ(z) = 1 / (1 + e^−z)
//
// maximising the weighted, penalised log-likelihood
//
//	ℓ(β) = Σ_i w_i [y_i log p_i + (1 − y_i) log(1 − p_i)] − (λ/2) Σ_{k≥1} β_k²
//
// (le Cessie & van Houwelingen 1992). The intercept is not penalised.
// Weights let a caller subsample the zeros of a rare outcome and weight
// them up (King & Zeng 2001), which keeps the fitted probabilities on the
// scale of the full data. Each Newton step solves (XᵀWX + λI) δ = ∇ℓ by
// Cholesky; with the penalty the system is positive definite even when a
// column is constant or two columns are collinear.
//
// Fit takes a starting β (a warm start, such as the fit on one year less
// of data), which is what makes rolling-origin refits cheap. The fit is
// deterministic: the same inputs give the same β bit for bit.
//
// With λ = 0 Fit is the unpenalised maximum-likelihood fit of R's glm,
// and separation (no finite estimate) is an error, ErrSeparation. A
// fitted Model gives the model-based covariance (the inverse information)
// and the cluster-robust sandwich of Liang & Zeger (1986) (SE, ClusterSE),
// its log-likelihood and a named Summary; AUC is the rank metric the
// validations report. This package is the project's one logistic
// regression: forecast, credibility (Leeds 2003's deterrence model, the
// validation of the index) and threat/validate fit through it.
//
// CV chooses λ from a grid by K-fold cross-validation with folds the
// caller assigns (years in blocks, so that no fold's test rows sit between
// its training rows in time), scoring the held-out weighted log-loss.
package logit
