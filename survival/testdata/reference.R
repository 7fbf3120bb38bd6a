# reference.R writes the reference values that the survival package's tests
# compare against: R's survival package on its classic data sets (ovarian,
# lung, heart, mgus2), written here as CSV fixtures, and on the alliance
# reference construction from ATOP v4 (read from the data directory, never
# copied into the repository).
#
# Run from the module root (R with the survival package is needed only to
# regenerate the fixtures; the tests read the committed outputs):
#
#   entente survival --level member \
#     --covariates bilat,asymm,defense,nonagg,consul,newally --out /tmp/memberyears.csv
#   Rscript survival/testdata/reference.R [DATA_DIR [MEMBER_YEARS_CSV]]
#
# DATA_DIR defaults to $ENTENTE_DATA, then ../shared/data. MEMBER_YEARS_CSV,
# the member-year table of all ATOP v4 that the first command writes, adds
# the reference for the counting-process Cox model on it.
suppressMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
datadir <- if (length(args) > 0) args[1] else Sys.getenv("ENTENTE_DATA", "../shared/data")
out <- "survival/testdata"

num <- function(x) {
  ifelse(is.na(x) | is.nan(x), "null", ifelse(is.infinite(x), "null", sprintf("%.17g", x)))
}
arr <- function(x) paste0("[", paste(num(as.numeric(x)), collapse = ","), "]")
strs <- function(x) paste0("[", paste0('"', x, '"', collapse = ","), "]")
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste0('"', names(kv), '":', unlist(kv), collapse = ","), "}")
}

km <- function(fit, times) {
  s <- summary(fit, censored = TRUE)
  q <- quantile(fit, 0.5)
  at <- summary(fit, times = times, extend = TRUE)
  obj(time = arr(s$time), n_risk = arr(s$n.risk), n_event = arr(s$n.event),
      surv = arr(s$surv), std_err = arr(fit$std.err[match(s$time, fit$time)]),
      lower = arr(s$lower), upper = arr(s$upper),
      median = arr(c(q$quantile, q$lower, q$upper)),
      at_times = arr(times), surv_at = arr(at$surv))
}

cox <- function(fit, zph = TRUE) {
  z <- if (zph) cox.zph(fit)$table else NULL
  rse <- if (is.null(fit$naive.var)) rep(NA, length(coef(fit))) else sqrt(diag(fit$var))
  se <- if (is.null(fit$naive.var)) sqrt(diag(fit$var)) else sqrt(diag(fit$naive.var))
  parts <- list(names = strs(names(coef(fit))), coef = arr(coef(fit)), se = arr(se),
                robust_se = arr(rse), loglik0 = num(fit$loglik[1]), loglik = num(fit$loglik[2]),
                n = num(fit$n), events = num(fit$nevent))
  if (zph) {
    parts$zph_terms <- strs(rownames(z))
    parts$zph_chisq <- arr(z[, "chisq"])
    parts$zph_p <- arr(z[, "p"])
  }
  do.call(obj, parts)
}

wcsv <- function(d, name) write.csv(d, file.path(out, name), row.names = FALSE, na = "")

ctl <- coxph.control(eps = 1e-11, iter.max = 100)
res <- list()

# ovarian: 26 patients, plain right-censored, few ties.
data(cancer, package = "survival")
wcsv(ovarian[, c("futime", "fustat", "age", "resid.ds", "rx", "ecog.ps")], "ovarian.csv")
res$ovarian_km <- km(survfit(Surv(futime, fustat) ~ 1, data = ovarian), c(365, 730))
res$ovarian_efron <- cox(coxph(Surv(futime, fustat) ~ age + resid.ds + rx + ecog.ps, data = ovarian,
                               robust = TRUE, control = ctl))

# lung: 228 patients, many tied times; status 1 censored, 2 dead.
lung2 <- lung[, c("time", "status", "age", "sex", "ph.ecog", "wt.loss")]
wcsv(lung2, "lung.csv")
lc <- na.omit(lung2)
res$lung_km <- km(survfit(Surv(time, status) ~ 1, data = lung2), c(180, 365, 730))
res$lung_efron <- cox(coxph(Surv(time, status) ~ age + sex + ph.ecog + wt.loss, data = lc,
                            robust = TRUE, control = ctl))
res$lung_breslow <- cox(coxph(Surv(time, status) ~ age + sex + ph.ecog + wt.loss, data = lc,
                              ties = "breslow", robust = TRUE, control = ctl))

# heart: Stanford heart transplant, counting-process (start, stop] with a
# time-varying transplant indicator, robust variance by patient.
wcsv(heart[, c("start", "stop", "event", "age", "year", "surgery", "transplant", "id")], "heart.csv")
heart$transplant <- as.numeric(as.character(heart$transplant))
res$heart_efron <- cox(coxph(Surv(start, stop, event) ~ age + year + surgery + transplant,
                             data = heart, cluster = id, control = ctl))
res$heart_breslow <- cox(coxph(Surv(start, stop, event) ~ age + year + surgery + transplant,
                               data = heart, cluster = id, ties = "breslow", control = ctl))
res$heart_km <- km(survfit(Surv(start, stop, event) ~ 1, data = heart), c(100, 500))

# mgus2: competing risks, progression to plasma-cell malignancy (pcm) versus
# death; the Aalen–Johansen cumulative incidence.
etime <- with(mgus2, ifelse(pstat == 0, futime, ptime))
event <- with(mgus2, ifelse(pstat == 0, 2 * death, 1))
wcsv(data.frame(etime = etime, cause = event), "mgus2.csv")
cif <- survfit(Surv(etime, factor(event, 0:2, c("censor", "pcm", "death"))) ~ 1)
res$mgus2_cif <- obj(time = arr(cif$time), pcm = arr(cif$pstate[, 2]), death = arr(cif$pstate[, 3]))

# The alliance reference construction (ATOP v4 alliance level): start from
# begyr/begmo/begday, end from endyr/endmo/endday when endyr is not 0, a day
# missing or 0 taken as the 15th, endyr 0 censored at 2016-12-31, duration
# in years = days / 365.25.
f <- file.path(datadir, "atop", "atop_v4_alliance_level.csv")
if (file.exists(f)) {
  a <- read.csv(f)
  day <- function(d) ifelse(is.na(d) | d == 0, 15, d)
  beg <- as.Date(sprintf("%04d-%02d-%02d", a$begyr, a$begmo, day(a$begday)))
  ended <- a$endyr != 0
  end <- as.Date(ifelse(ended, sprintf("%04d-%02d-%02d", a$endyr, a$endmo, day(a$endday)), "2016-12-31"))
  a$years <- as.numeric(end - beg) / 365.25
  a$ended <- as.integer(ended)
  fit <- survfit(Surv(years, ended) ~ 1, data = a)
  res$atop_km <- km(fit, c(5, 10, 25, 50))
  res$atop_efron <- cox(coxph(Surv(years, ended) ~ bilat + asymm + defense + nonagg + consul,
                              data = a, robust = TRUE, control = ctl))
  res$atop_breslow <- cox(coxph(Surv(years, ended) ~ bilat + asymm + defense + nonagg + consul,
                                data = a, ties = "breslow", robust = TRUE, control = ctl))
} else {
  warning("no ATOP file at ", f, ": the alliance references are left out")
}

# The member-year table: counting-process (tstart, tstop] rows, robust
# variance clustered by membership.
if (length(args) > 1 && file.exists(args[2])) {
  my <- read.csv(args[2])
  my$id <- paste(my$alliance, my$member)
  res$atop_memberyear_efron <- cox(coxph(Surv(tstart, tstop, event) ~ bilat + asymm + defense + nonagg + consul + newally,
                                         data = my, cluster = id, control = ctl))
}

json <- paste0("{\n", paste0('"', names(res), '":', unlist(res), collapse = ",\n"), "\n}\n")
writeLines(json, file.path(out, "reference.json"), sep = "")
cat("R", R.version$major, ".", R.version$minor, " survival ", as.character(packageVersion("survival")), "\n", sep = "")
