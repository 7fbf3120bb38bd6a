package world

import "math"

// EarthRadiusKm is the mean Earth radius used for great-circle distances.
const EarthRadiusKm = 6371.0088

// KmPerMile converts statute miles to kilometres.
const KmPerMile = 1.609344

// GreatCircleKm returns the great-circle (haversine) distance in kilometres
// between two points given in decimal degrees. Missing coordinates give a
// missing distance.
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
