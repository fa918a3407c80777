package workbook

// MaxRows is the most rows a sheet can hold, the header included.
const MaxRows = 1 << 20
