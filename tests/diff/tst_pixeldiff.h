#pragma once

// TestPixelDiff: PixelDiff against pixelmatch 7.2.0's own fixtures and the engine's own rules. One executable, two
// sources: tst_pixeldiff.cpp (fixtures, bands, in-place, identical inputs) and tst_pixeldiff_geometry.cpp (sizes,
// shapes, ignore regions, colours, errors).

#include <QObject>

class TestPixelDiff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pixelmatchFixtures_data();
    void pixelmatchFixtures();
    void decodedWithPngDecoder();
    void singlePixel_data();
    void singlePixel();
    void bandsGiveTheSameResult_data();
    void bandsGiveTheSameResult();
    void rgbxInputMatchesRgba();
    void inPlaceMatchesCompare_data();
    void inPlaceMatchesCompare();
    void identicalFastPath();
    void identicalWithPaddedRows();
    void onePixelChanged();
    void differentSizesTopLeft();
    void differentSizesCentered();
    void differentSizesCenteredOddOffset();
    void disjointShapes();
    void emptyImages_data();
    void emptyImages();
    void ignoreRegionRemovesItsChanges();
    void ignoreEverything();
    void ignoreRegionOutsideOverlap();
    void diffColorAltMarksDarkerPixels();
    void randomGeometryAgreesWithNaiveCount();
    void cancelled();
    void invalidInputIsAnError();
    void tooLargeIsAnError();
};
