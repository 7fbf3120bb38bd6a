package world

import "math"

// EarthRadiusKm is the mean Earth radius used for great-circle distances:
// the IUGG mean radius R1 = (2a + b)/3 of the GRS 80 ellipsoid (Moritz
// 2000, "Geodetic Reference System 1980", Journal of Geodesy 74: 128–133).
const EarthRadiusKm = 6371.0088

// KmPerMile converts statute miles to kilometres.
const KmPerMile = 1.609344

// GreatCircleKm returns the great-circle distance in kilometres between two
// points given in decimal degrees, by the haversine formula (Sinnott 1984,
// "Virtues of the Haversine", Sky and Telescope 68(2): 159):
//
//	h = sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2)
//	d = 2 R asin(min(1, √h))
//
// with latitudes φ, longitudes λ in radians and R = EarthRadiusKm. The Earth
// is taken as a sphere, so d can differ from the ellipsoidal distance by up
// to about 0.5%. Missing coordinates give a missing distance.
func GreatCircleKm(lat1, lon1, lat2, lon2 Value) Value {
	if lat1.IsMissing() || lon1.IsMissing() || lat2.IsMissing() || lon2.IsMissing() {
		return Missing()
	}
	rad := math.Pi / 180
	φ1, φ2 := float64(lat1)*rad, float64(lat2)*rad
	dφ := φ2 - φ1
	dλ := (float64(lon2) - float64(lon1)) * rad
	h := math.Sin(dφ/2)*math.Sin(dφ/2) + math.Cos(φ1)*math.Cos(φ2)*math.Sin(dλ/2)*math.Sin(dλ/2)
	return Value(2 * EarthRadiusKm * math.Asin(math.Min(1, math.Sqrt(h))))
}
