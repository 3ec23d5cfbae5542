<?xml version="1.0" encoding="UTF-8"?>
<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:egb="ewidencjaGruntowIBudynkow:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" gml:id="fc">
  <gml:featureMember>
    <egb:EGB_DzialkaEwidencyjna gml:id="PL.PZGiK.9901.EGiB_30000001-0000-4000-8000-000000000000_2021-05-04T10-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP><egb:lokalnyId>30000001-0000-4000-8000-000000000000</egb:lokalnyId><egb:przestrzenNazw>PL.PZGiK.9901.EGiB</egb:przestrzenNazw><egb:wersjaId>2021-05-04T10:00:00</egb:wersjaId></egb:EGB_IdentyfikatorIIP></egb:idIIP>
      <egb:startObiekt>2021-05-04T10:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2021-05-04T10:00:00</egb:startWersjaObiekt>
      <egb:idDzialki>990101_1.0007.1</egb:idDzialki>
      <egb:geometria>
        <gml:Polygon gml:id="g" srsName="urn:ogc:def:crs:EPSG::2180">
          <gml:exterior><gml:LinearRing>
            <gml:posList>749000 487000 749000 487010 749010 487010 749010 487000 749000 487000</gml:posList>
          </gml:LinearRing></gml:exterior>
        </gml:Polygon>
      </egb:geometria>
      <egb:poleEwidencyjne uom="ha">0.0100</egb:poleEwidencyjne>
    </egb:EGB_DzialkaEwidencyjna>
  </gml:featureMember>
  <gml:featureMember>
    <egb:EGB_DzialkaEwidencyjna gml:id="PL.PZGiK.9901.EGiB_30000099-0000-4000-8000-000000000000_2021-05-04T10-00-00">
      <egb:idIIP><egb:EGB_IdentyfikatorIIP><egb:lokalnyId>30000099-0000-4000-8000-000000000000</egb:lokalnyId><egb:przestrzenNazw>PL.PZGiK.9901.EGiB</egb:przestrzenNazw><egb:wersjaId>2021-05-04T10:00:00</egb:wersjaId></egb:EGB_IdentyfikatorIIP></egb:idIP>
      <egb:startObiekt>2021-05-04T10:00:00</egb:startObiekt>
      <egb:startWersjaObiekt>2021-05-04T10:00:00</egb:startWersjaObiekt>
      <egb:idDzialki>990101_1.0007.99</egb:idDzialki>
      <egb:geometria>
        <gml:Polygon gml:id="g" srsName="urn:ogc:def:crs:EPSG::2180">
          <gml:exterior><gml:LinearRing>
            <gml:posList>749000 487000 749000 487010 749010 487010 749010 487000 749000 487000</gml:posList>
          </gml:LinearRing></gml:exterior>
        </gml:Polygon>
      </egb:geometria>
      <egb:poleEwidencyjne uom="ha">0.0100</egb:poleEwidencyjne>
    </egb:EGB_DzialkaEwidencyjna>
  </gml:featureMember>
</gml:FeatureCollection>
