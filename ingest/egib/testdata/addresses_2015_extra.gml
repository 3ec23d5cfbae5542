<?xml version="1.0" encoding="UTF-8"?><!-- GML wersja 2.0 -->
<!-- Hand-written SIP core test file in the 2013/2015 EGiB schema (addresses only: the parcels referring to them are in addresses_2015.gml). Invented data. -->
<gml:FeatureCollection
xmlns:bt="urn:gugik:specyfikacje:gmlas:modelPodstawowy:1.0"
xmlns:egb="urn:gugik:specyfikacje:gmlas:ewidencjaGruntowBudynkow:1.0"
xmlns:gml="http://www.opengis.net/gml/3.2"
xmlns:xlink="http://www.w3.org/1999/xlink"
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
gml:id="featureCollection">
<gml:featureMember>
<egb:EGB_AdresNieruchomosci gml:id="PL.PZGiK.1385.EGiB_c2000000-0000-4000-8000-000000000002_2009-05-05T10-00-00">
<gml:identifier codeSpace="http://iip.gov.pl">urn:pzgik:id:PL.PZGiK.1385.EGiB:c2000000-0000-4000-8000-000000000002:2009-05-05T10:00:00</gml:identifier>
<egb:idIIP>
<bt:BT_Identyfikator>
<bt:lokalnyId>c2000000-0000-4000-8000-000000000002</bt:lokalnyId>
<bt:przestrzenNazw>PL.PZGiK.1385.EGiB</bt:przestrzenNazw>
<bt:wersjaId>2009-05-05T10:00:00</bt:wersjaId>
</bt:BT_Identyfikator>
</egb:idIIP>
<egb:startObiekt>2009-05-05T10:00:00</egb:startObiekt>
<egb:startWersjaObiekt>2009-05-05T10:00:00</egb:startWersjaObiekt>
<egb:nazwaMiejscowosci>Słupsk</egb:nazwaMiejscowosci>
<egb:nazwaUlicy>Plac  Zwycięstwa</egb:nazwaUlicy>
<egb:numerPorzadkowy>1</egb:numerPorzadkowy>
</egb:EGB_AdresNieruchomosci>
</gml:featureMember>
<gml:featureMember>
<egb:EGB_AdresNieruchomosci gml:id="PL.PZGiK.1385.EGiB_c2000000-0000-4000-8000-000000000003_2009-05-05T10-00-00">
<gml:identifier codeSpace="http://iip.gov.pl">urn:pzgik:id:PL.PZGiK.1385.EGiB:c2000000-0000-4000-8000-000000000003:2009-05-05T10:00:00</gml:identifier>
<egb:idIIP>
<bt:BT_Identyfikator>
<bt:lokalnyId>c2000000-0000-4000-8000-000000000003</bt:lokalnyId>
<bt:przestrzenNazw>PL.PZGiK.1385.EGiB</bt:przestrzenNazw>
<bt:wersjaId>2009-05-05T10:00:00</bt:wersjaId>
</bt:BT_Identyfikator>
</egb:idIIP>
<egb:startObiekt>2009-05-05T10:00:00</egb:startObiekt>
<egb:startWersjaObiekt>2009-05-05T10:00:00</egb:startWersjaObiekt>
<egb:nazwaMiejscowosci>Słupsk</egb:nazwaMiejscowosci>
<egb:nazwaUlicy>Szczecińska</egb:nazwaUlicy>
<egb:numerPorzadkowy>23</egb:numerPorzadkowy>
</egb:EGB_AdresNieruchomosci>
</gml:featureMember>
</gml:FeatureCollection>
