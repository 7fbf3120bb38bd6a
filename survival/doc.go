// Package survival estimates time-to-event models: the Kaplan–Meier survival
// curve with Greenwood confidence intervals, the Aalen–Johansen cumulative
// incidence of competing risks, and the Cox proportional-hazards model with
// Efron's or Breslow's handling of tied event times, model-based and robust
// (sandwich) standard errors, time-varying covariates in counting-process
// (start, stop] form, and the Grambsch–Therneau test of proportional hazards
// on Schoenfeld residuals.
//
// The package knows nothing of alliances: its input is a Data of spells,
// each an interval (Start, Stop] that ends in an event or is censored, with
// covariate columns. Plain right-censored data leaves Start nil (every spell
// starts at 0).
//
// Every estimator reproduces R's survival package (Therneau 2023, version
// 3.5-3) to 1e-6 on the fixtures in testdata, which testdata/reference.R
// writes; the doc comment of each estimator states the formula it computes
// and where it follows R's conventions.
//
// References:
//   - Kaplan, E. L., and P. Meier. 1958. "Nonparametric Estimation from
//     Incomplete Observations." JASA 53: 457–481.
//   - Greenwood, M. 1926. "The Natural Duration of Cancer." Reports on Public
//     Health and Medical Subjects 33. HMSO.
//   - Aalen, O. O., and S. Johansen. 1978. "An Empirical Transition Matrix for
//     Non-homogeneous Markov Chains Based on Censored Observations."
//     Scandinavian Journal of Statistics 5: 141–150.
//   - Cox, D. R. 1972. "Regression Models and Life-Tables." JRSS B 34: 187–220.
//   - Efron, B. 1977. "The Efficiency of Cox's Likelihood Function for
//     Censored Data." JASA 72: 557–565.
//   - Breslow, N. 1974. "Covariance Analysis of Censored Survival Data."
//     Biometrics 30: 89–99.
//   - Andersen, P. K., and R. D. Gill. 1982. "Cox's Regression Model for
//     Counting Processes." Annals of Statistics 10: 1100–1120.
//   - Lin, D. Y., and L. J. Wei. 1989. "The Robust Inference for the Cox
//     Proportional Hazards Model." JASA 84: 1074–1078.
//   - Grambsch, P. M., and T. M. Therneau. 1994. "Proportional Hazards Tests
//     and Diagnostics Based on Weighted Residuals." Biometrika 81: 515–526.
//   - Therneau, T. M., and P. M. Grambsch. 2000. Modeling Survival Data:
//     Extending the Cox Model. Springer.
package survival
