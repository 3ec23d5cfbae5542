<?xml version="1.0" encoding="UTF-8"?><!-- GML wersja 2.0 -->
<!-- Hand-written SIP core test file in the 2013/2015 EGiB schema (parcels, the addresses of two of them after them, one in addresses_2015_extra.gml). Invented data. -->
<gml:FeatureCollection
xmlns:bt="urn:gugik:specyfikacje:gmlas:modelPodstawowy:1.0"
xmlns:egb="urn:gugik:specyfikacje:gmlas:ewidencjaGruntowBudynkow:1.0"
xmlns:gml="http://www.opengis.net/gml/3.2"
xmlns:xlink="http://www.w3.org/1999/xlink"
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
gml:id="featureCollection">
<gml:featureMember>
<egb:EGB_DzialkaEwidencyjna gml:id="PL.PZGiK.1385.EGiB_e2000000-0000-4000-8000-000000000001_2011-04-04T11-31-45">
<gml:identifier codeSpace="http://iip.gov.pl">urn:pzgik:id:PL.PZGiK.1385.EGiB:e2000000-0000-4000-8000-000000000001:2011-04-04T11:31:45</gml:identifier>
<egb:idIIP>
<bt:BT_Identyfikator>
<bt:lokalnyId>e2000000-0000-4000-8000-000000000001</bt:lokalnyId>
<bt:przestrzenNazw>PL.PZGiK.1385.EGiB</bt:przestrzenNazw>
<bt:wersjaId>2011-04-04T11:31:45</bt:wersjaId>
</bt:BT_Identyfikator>
</egb:idIIP>
<egb:startObiekt>2006-03-21T07:55:06</egb:startObiekt>
<egb:startWersjaObiekt>2011-04-04T11:31:45</egb:startWersjaObiekt>
<egb:idDzialki>221101_1.0001.138/28</egb:idDzialki>
<egb:powierzchniaEwidencyjna uom="ha">0.0255</egb:powierzchniaEwidencyjna>
<egb:geometria>
<gml:Polygon gml:id="geom.e2000000-0000-4000-8000-000000000001" srsName="urn:ogc:def:crs:EPSG::2177">
<gml:exterior>
<gml:LinearRing>
<gml:posList>6053434.46 6551924.66 6053434.46 6551939.66 6053451.46 6551939.66 6053451.46 6551924.66 6053434.46 6551924.66</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</egb:geometria>
<egb:waznoscOd nilReason="unknown" xsi:nil="true"/>
<egb:informacjaODokladnReprezentacjiPola>1</egb:informacjaODokladnReprezentacjiPola>
<egb:lokalizacjaDzialki2 xlink:href="urn:pzgik:id:PL.PZGiK.1385.EGiB:f3f8a7cf-5a94-4c95-b80d-3d51900a317f"/>
<egb:adresDzialki xlink:href="urn:pzgik:id:PL.PZGiK.1385.EGiB:c2000000-0000-4000-8000-000000000001"/>
</egb:EGB_DzialkaEwidencyjna>
</gml:featureMember>
<gml:featureMember>
<egb:EGB_DzialkaEwidencyjna gml:id="PL.PZGiK.1385.EGiB_e2000000-0000-4000-8000-000000000002_2011-04-04T11-31-45">
<gml:identifier codeSpace="http://iip.gov.pl">urn:pzgik:id:PL.PZGiK.1385.EGiB:e2000000-0000-4000-8000-000000000002:2011-04-04T11:31:45</gml:identifier>
<egb:idIIP>
<bt:BT_Identyfikator>
<bt:lokalnyId>e2000000-0000-4000-8000-000000000002</bt:lokalnyId>
<bt:przestrzenNazw>PL.PZGiK.1385.EGiB</bt:przestrzenNazw>
<bt:wersjaId>2011-04-04T11:31:45</bt:wersjaId>
</bt:BT_Identyfikator>
</egb:idIIP>
<egb:startObiekt>2006-03-21T07:55:06</egb:startObiekt>
<egb:startWersjaObiekt>2011-04-04T11:31:45</egb:startWersjaObiekt>
<egb:idDzialki>221101_1.0001.138/29</egb:idDzialki>
<egb:powierzchniaEwidencyjna uom="ha">0.0255</egb:powierzchniaEwidencyjna>
<egb:geometria>
<gml:Polygon gml:id="geom.e2000000-0000-4000-8000-000000000002" srsName="urn:ogc:def:crs:EPSG::2177">
<gml:exterior>
<gml:LinearRing>
<gml:posList>6053434.46 6551940.66 6053434.46 6551955.66 6053451.46 6551955.66 6053451.46 6551940.66 6053434.46 6551940.66</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</egb:geometria>
<egb:waznoscOd nilReason="unknown" xsi:nil="true"/>
<egb:informacjaODokladnReprezentacjiPola>1</egb:informacjaODokladnReprezentacjiPola>
<egb:lokalizacjaDzialki2 xlink:href="urn:pzgik:id:PL.PZGiK.1385.EGiB:f3f8a7cf-5a94-4c95-b80d-3d51900a317f"/>
<egb:adresDzialki xlink:href="urn:pzgik:id:PL.PZGiK.1385.EGiB:c2000000-0000-4000-8000-000000000002"/>
<egb:adresDzialki xlink:href="urn:pzgik:id:PL.PZGiK.1385.EGiB:c2000000-0000-4000-8000-000000000003"/>
</egb:EGB_DzialkaEwidencyjna>
</gml:featureMember>
<gml:featureMember>
<egb:EGB_DzialkaEwidencyjna gml:id="PL.PZGiK.1385.EGiB_e2000000-0000-4000-8000-000000000003_2011-04-04T11-31-45">
<gml:identifier codeSpace="http://iip.gov.pl">urn:pzgik:id:PL.PZGiK.1385.EGiB:e2000000-0000-4000-8000-000000000003:2011-04-04T11:31:45</gml:identifier>
<egb:idIIP>
<bt:BT_Identyfikator>
<bt:lokalnyId>e2000000-0000-4000-8000-000000000003</bt:lokalnyId>
<bt:przestrzenNazw>PL.PZGiK.1385.EGiB</bt:przestrzenNazw>
<bt:wersjaId>2011-04-04T11:31:45</bt:wersjaId>
</bt:BT_Identyfikator>
</egb:idIIP>
<egb:startObiekt>2006-03-21T07:55:06</egb:startObiekt>
<egb:startWersjaObiekt>2011-04-04T11:31:45</egb:startWersjaObiekt>
<egb:idDzialki>221101_1.0001.140</egb:idDzialki>
<egb:powierzchniaEwidencyjna uom="ha">0.0255</egb:powierzchniaEwidencyjna>
<egb:geometria>
<gml:Polygon gml:id="geom.e2000000-0000-4000-8000-000000000003" srsName="urn:ogc:def:crs:EPSG::2177">
<gml:exterior>
<gml:LinearRing>
<gml:posList>6053434.46 6551956.66 6053434.46 6551971.66 6053451.46 6551971.66 6053451.46 6551956.66 6053434.46 6551956.66</gml:posList>
</gml:LinearRing>
</gml:exterior>
</gml:Polygon>
</egb:geometria>
<egb:waznoscOd nilReason="unknown" xsi:nil="true"/>
<egb:informacjaODokladnReprezentacjiPola>1</egb:informacjaODokladnReprezentacjiPola>
<egb:lokalizacjaDzialki2 xlink:href="urn:pzgik:id:PL.PZGiK.1385.EGiB:f3f8a7cf-5a94-4c95-b80d-3d51900a317f"/>
<egb:adresDzialki xlink:href="urn:pzgik:id:PL.PZGiK.1385.EGiB:d2000000-0000-4000-8000-000000000001"/>
</egb:EGB_DzialkaEwidencyjna>
</gml:featureMember>
<gml:featureMember>
<egb:EGB_AdresNieruchomosci gml:id="PL.PZGiK.1385.EGiB_c2000000-0000-4000-8000-000000000001_2009-05-05T10-00-00">
<gml:identifier codeSpace="http://iip.gov.pl">urn:pzgik:id:PL.PZGiK.1385.EGiB:c2000000-0000-4000-8000-000000000001:2009-05-05T10:00:00</gml:identifier>
<egb:idIIP>
<bt:BT_Identyfikator>
<bt:lokalnyId>c2000000-0000-4000-8000-000000000001</bt:lokalnyId>
<bt:przestrzenNazw>PL.PZGiK.1385.EGiB</bt:przestrzenNazw>
<bt:wersjaId>2009-05-05T10:00:00</bt:wersjaId>
</bt:BT_Identyfikator>
</egb:idIIP>
<egb:startObiekt>2009-05-05T10:00:00</egb:startObiekt>
<egb:startWersjaObiekt>2009-05-05T10:00:00</egb:startWersjaObiekt>
<egb:nazwaMiejscowosci>Słupsk</egb:nazwaMiejscowosci>
<egb:idMiejscowosci>0984779</egb:idMiejscowosci>
<egb:nazwaUlicy>ul. Szczecińska</egb:nazwaUlicy>
<egb:idNazwyUlicy>21597</egb:idNazwyUlicy>
<egb:numerPorzadkowy>21b</egb:numerPorzadkowy>
</egb:EGB_AdresNieruchomosci>
</gml:featureMember>
<gml:featureMember>
<egb:EGB_AdresStalegoPobytu gml:id="PL.PZGiK.1385.EGiB_d2000000-0000-4000-8000-000000000001_2011-04-04T11-31-45">
<gml:identifier codeSpace="http://iip.gov.pl">urn:pzgik:id:PL.PZGiK.1385.EGiB:d2000000-0000-4000-8000-000000000001:2011-04-04T11:31:45</gml:identifier>
<egb:idIIP>
<bt:BT_Identyfikator>
<bt:lokalnyId>d2000000-0000-4000-8000-000000000001</bt:lokalnyId>
<bt:przestrzenNazw>PL.PZGiK.1385.EGiB</bt:przestrzenNazw>
<bt:wersjaId>2011-04-04T11:31:45</bt:wersjaId>
</bt:BT_Identyfikator>
</egb:idIIP>
<egb:kraj>Polska</egb:kraj>
<egb:miejscowosc>Nibylandia Tajna</egb:miejscowosc>
<egb:ulica>Sekretna</egb:ulica>
<egb:numerPorzadkowy>97</egb:numerPorzadkowy>
</egb:EGB_AdresStalegoPobytu>
</gml:featureMember>
<gml:featureMember>
<egb:EGB_AdresZameldowania gml:id="ZAM.1">
<egb:miejscowosc>Nibylandia Tajna</egb:miejscowosc>
<egb:numerPorzadkowy>96</egb:numerPorzadkowy>
</egb:EGB_AdresZameldowania>
</gml:featureMember>
</gml:FeatureCollection>
