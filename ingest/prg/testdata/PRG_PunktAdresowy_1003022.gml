<?xml version="1.0" encoding="UTF-8"?>
<!-- Punkty adresowe gminy Buczek (TERC 1003022): a sample made by the SIP core project following GUGiK's PRG address schema (prg-ad 1.0); positions from the synthetic county of the tests (sip gen county, 2000 parcels, seed 5). Not official data. -->
<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:prg-ad="urn:gugik:specyfikacje:gmlas:panstwowyRejestrGranicAdresy:1.0" xmlns:bt="urn:gugik:specyfikacje:gmlas:modelPodstawowy:1.0" xmlns:mua="urn:gugik:specyfikacje:gmlas:ewidencjaMiejscowosciUlicAdresow:1.0" gml:id="PRG_AD_1003022">
  <gml:featureMembers>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.6513270e-269e-4d37-b2a7-4de452e6b438">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>6513270e-269e-4d37-b2a7-4de452e6b438</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Kościuszki</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>1</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P0" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412135.94 509926.38</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10000"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.6513270e-269e-4d37-b2a7-4de452e6b438"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.d23f0824-128b-4f33-8c5c-7fd0a6a3a450">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>d23f0824-128b-4f33-8c5c-7fd0a6a3a450</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Kościuszki</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>3</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P1" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412188.54 509978.91</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10000"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.d23f0824-128b-4f33-8c5c-7fd0a6a3a450"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.9531985d-5d9d-49f8-9818-e811892f902b">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>9531985d-5d9d-49f8-9818-e811892f902b</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>1</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P2" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412559.90 508775.80</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.9531985d-5d9d-49f8-9818-e811892f902b"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.36f675cc-81e7-4ef5-a8e2-5d940ed90475">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>36f675cc-81e7-4ef5-a8e2-5d940ed90475</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>3</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P3" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412575.65 508832.44</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.36f675cc-81e7-4ef5-a8e2-5d940ed90475"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.6b0d549b-6f03-475a-9600-a35a099950d8">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>6b0d549b-6f03-475a-9600-a35a099950d8</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>5</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P4" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412581.95 508853.80</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.6b0d549b-6f03-475a-9600-a35a099950d8"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.8d116ece-1738-47d9-bd9c-172411e20b8f">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>8d116ece-1738-47d9-bd9c-172411e20b8f</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>7</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P5" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412588.09 508874.61</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.8d116ece-1738-47d9-bd9c-172411e20b8f"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.90c192cf-d3ac-44af-8f21-ddb66cad4a26">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>90c192cf-d3ac-44af-8f21-ddb66cad4a26</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>9</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P6" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412594.03 508893.15</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.90c192cf-d3ac-44af-8f21-ddb66cad4a26"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.a170b338-3926-4059-b28c-105d1fb17c23">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>a170b338-3926-4059-b28c-105d1fb17c23</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>13</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P7" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412599.63 508912.81</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.a170b338-3926-4059-b28c-105d1fb17c23"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.0fd630f1-f29d-4da9-953f-48f1a09f76b5">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>0fd630f1-f29d-4da9-953f-48f1a09f76b5</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>17</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P8" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412607.22 508931.25</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.0fd630f1-f29d-4da9-953f-48f1a09f76b5"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.0cb1e29c-658c-4a14-95e6-0af593bd04cf">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>0cb1e29c-658c-4a14-95e6-0af593bd04cf</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>19</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P9" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412613.40 508953.54</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.0cb1e29c-658c-4a14-95e6-0af593bd04cf"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.8e81973e-0bec-47b0-b898-d190f9ebdacc">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>8e81973e-0bec-47b0-b898-d190f9ebdacc</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>21</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P10" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412621.96 508990.03</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.8e81973e-0bec-47b0-b898-d190f9ebdacc"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.6b4cb242-4a23-4596-a217-beaddbc496cb">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>6b4cb242-4a23-4596-a217-beaddbc496cb</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>25</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P11" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412637.40 509048.42</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.6b4cb242-4a23-4596-a217-beaddbc496cb"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.92276658-1e27-41c0-8a6a-63ec24ede6a4">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>92276658-1e27-41c0-8a6a-63ec24ede6a4</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>27</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P12" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412648.50 509085.46</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.92276658-1e27-41c0-8a6a-63ec24ede6a4"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.ae97ba94-d0ed-482f-8f6d-05584ef8aa38">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>ae97ba94-d0ed-482f-8f6d-05584ef8aa38</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>31</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P13" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412653.24 509100.58</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.ae97ba94-d0ed-482f-8f6d-05584ef8aa38"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.923a7369-94e3-4f91-9a61-dbe22e44158b">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>923a7369-94e3-4f91-9a61-dbe22e44158b</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>33</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P14" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412664.80 509141.60</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.923a7369-94e3-4f91-9a61-dbe22e44158b"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.18f135d2-5f55-4203-b018-50c5a38fd547">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>18f135d2-5f55-4203-b018-50c5a38fd547</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>35</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P15" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412678.28 509178.81</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.18f135d2-5f55-4203-b018-50c5a38fd547"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.907a70c3-1012-4037-b64c-e4228c38fb29">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>907a70c3-1012-4037-b64c-e4228c38fb29</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>37</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P16" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412682.38 509195.21</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.907a70c3-1012-4037-b64c-e4228c38fb29"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.7f150524-34b9-45df-9e77-69b10f4205b4">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>7f150524-34b9-45df-9e77-69b10f4205b4</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>39</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P17" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412686.43 509211.38</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.7f150524-34b9-45df-9e77-69b10f4205b4"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.c6f87718-6d76-407e-881e-d162ae2eb154">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>c6f87718-6d76-407e-881e-d162ae2eb154</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>41</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P18" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412690.70 509234.20</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.c6f87718-6d76-407e-881e-d162ae2eb154"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.ec66a787-95e7-41d1-b731-af10506bf2ef">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>ec66a787-95e7-41d1-b731-af10506bf2ef</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>43</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P19" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412698.69 509257.61</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.ec66a787-95e7-41d1-b731-af10506bf2ef"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.3f98e277-4cbd-47ad-9c90-a9587403e430">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>3f98e277-4cbd-47ad-9c90-a9587403e430</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>45</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P20" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412704.19 509277.99</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.3f98e277-4cbd-47ad-9c90-a9587403e430"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.c7a2ea20-b2f1-4c94-ae05-319acb5c7427">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>c7a2ea20-b2f1-4c94-ae05-319acb5c7427</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>47</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P21" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412708.27 509295.27</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.c7a2ea20-b2f1-4c94-ae05-319acb5c7427"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.4cdd2055-930d-4eaf-94f4-733f3e7d1bfb">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>4cdd2055-930d-4eaf-94f4-733f3e7d1bfb</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>49</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P22" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412712.22 509315.18</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.4cdd2055-930d-4eaf-94f4-733f3e7d1bfb"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.57ee05cd-e009-42c7-bebf-f20686734721">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>57ee05cd-e009-42c7-bebf-f20686734721</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>51</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P23" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412713.43 509333.60</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.57ee05cd-e009-42c7-bebf-f20686734721"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.9be4bcfc-49b6-4a08-b2e6-cc3ababced20">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>9be4bcfc-49b6-4a08-b2e6-cc3ababced20</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>53</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P24" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412719.48 509354.70</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.9be4bcfc-49b6-4a08-b2e6-cc3ababced20"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.830e07bc-1e39-4f10-92bd-4acefaecbd38">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>830e07bc-1e39-4f10-92bd-4acefaecbd38</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>57</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P25" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412725.01 509378.29</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.830e07bc-1e39-4f10-92bd-4acefaecbd38"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.5790f82e-c1d3-4cff-aa3a-f4d46b0a18e8">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>5790f82e-c1d3-4cff-aa3a-f4d46b0a18e8</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>61</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P26" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412732.43 509395.82</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.5790f82e-c1d3-4cff-aa3a-f4d46b0a18e8"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.6bf46c69-7d2c-4f82-aeea-cbe226e87555">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>6bf46c69-7d2c-4f82-aeea-cbe226e87555</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>63</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P27" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412744.77 509454.84</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.6bf46c69-7d2c-4f82-aeea-cbe226e87555"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.13deef86-ab10-41d0-b646-e1f40a097c97">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>13deef86-ab10-41d0-b646-e1f40a097c97</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>65</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P28" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412751.73 509493.59</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.13deef86-ab10-41d0-b646-e1f40a097c97"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.ca02135e-92b1-43f2-8ede-0d7ac3baea9e">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>ca02135e-92b1-43f2-8ede-0d7ac3baea9e</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>69</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P29" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412754.06 509515.11</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.ca02135e-92b1-43f2-8ede-0d7ac3baea9e"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.57124242-5051-41cc-917f-9acae01f5057">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>57124242-5051-41cc-917f-9acae01f5057</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>71</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P30" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412758.81 509536.14</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.57124242-5051-41cc-917f-9acae01f5057"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.7f26144b-9828-4fcd-99a5-4a7bb1fee08f">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>7f26144b-9828-4fcd-99a5-4a7bb1fee08f</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>75</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P31" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412760.63 509557.03</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.7f26144b-9828-4fcd-99a5-4a7bb1fee08f"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.119a72d1-74c9-4f6a-8c01-1cdd9474031b">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>119a72d1-74c9-4f6a-8c01-1cdd9474031b</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>79</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P32" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412764.51 509575.13</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.119a72d1-74c9-4f6a-8c01-1cdd9474031b"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.451abd81-f1d6-4ed6-97f5-e837d70820fe">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>451abd81-f1d6-4ed6-97f5-e837d70820fe</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>83</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P33" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412768.67 509594.13</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.451abd81-f1d6-4ed6-97f5-e837d70820fe"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.10a3d6b2-aa05-411a-b271-5945795e8229">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>10a3d6b2-aa05-411a-b271-5945795e8229</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>85</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P34" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412773.08 509609.81</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.10a3d6b2-aa05-411a-b271-5945795e8229"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.4f426dcb-b394-4b36-bb2d-420f0f88080b">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>4f426dcb-b394-4b36-bb2d-420f0f88080b</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>87</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P35" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412777.60 509625.92</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.4f426dcb-b394-4b36-bb2d-420f0f88080b"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.ae658f33-fe3b-490b-93f4-48b3a5aa3c81">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>ae658f33-fe3b-490b-93f4-48b3a5aa3c81</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>91</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P36" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412781.99 509669.24</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.ae658f33-fe3b-490b-93f4-48b3a5aa3c81"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.b774eb52-48db-40af-b215-8370d269a9a5">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>b774eb52-48db-40af-b215-8370d269a9a5</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>95</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P37" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412783.94 509707.07</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.b774eb52-48db-40af-b215-8370d269a9a5"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.58d5563d-ab2c-431e-a315-128862c33a4f">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>58d5563d-ab2c-431e-a315-128862c33a4f</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>97</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P38" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412786.75 509721.16</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.58d5563d-ab2c-431e-a315-128862c33a4f"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.5affb229-7631-4992-b0ce-583505c6af07">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>5affb229-7631-4992-b0ce-583505c6af07</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>99</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P39" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412791.77 509740.07</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.5affb229-7631-4992-b0ce-583505c6af07"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.7e62aa0a-1df9-4d78-9c65-39382b0537e6">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>7e62aa0a-1df9-4d78-9c65-39382b0537e6</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>101</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P40" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412792.77 509761.18</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.7e62aa0a-1df9-4d78-9c65-39382b0537e6"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.49952399-c4aa-4ac1-b7dc-76fb0f17a300">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>49952399-c4aa-4ac1-b7dc-76fb0f17a300</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>103</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P41" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412796.76 509783.33</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.49952399-c4aa-4ac1-b7dc-76fb0f17a300"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.65dc9f50-3f63-4f83-bd05-61e6211c70cf">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>65dc9f50-3f63-4f83-bd05-61e6211c70cf</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>107</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P42" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412799.08 509808.33</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.65dc9f50-3f63-4f83-bd05-61e6211c70cf"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.7f1b103c-df15-42b0-aab4-77d26415479c">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>7f1b103c-df15-42b0-aab4-77d26415479c</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>109</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P43" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412803.29 509850.78</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.7f1b103c-df15-42b0-aab4-77d26415479c"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.66d22876-72fd-4202-aa96-fb1a14a0f9e7">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>66d22876-72fd-4202-aa96-fb1a14a0f9e7</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>111</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P44" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412807.62 509868.56</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.66d22876-72fd-4202-aa96-fb1a14a0f9e7"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.230d977e-e225-4159-8720-771f8ca81811">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>230d977e-e225-4159-8720-771f8ca81811</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>113</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P45" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412808.12 509888.47</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.230d977e-e225-4159-8720-771f8ca81811"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.8cdb305f-dd2e-4609-ae36-aab0d1bc52d9">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>8cdb305f-dd2e-4609-ae36-aab0d1bc52d9</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>117</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P46" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412811.59 509910.82</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.8cdb305f-dd2e-4609-ae36-aab0d1bc52d9"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.fc891b4a-6a50-4f4d-b4d6-6a3a47469a4d">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>fc891b4a-6a50-4f4d-b4d6-6a3a47469a4d</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>121</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P47" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412816.96 509928.78</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.fc891b4a-6a50-4f4d-b4d6-6a3a47469a4d"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.616499c9-e25a-4605-aec6-f0245bd86d40">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>616499c9-e25a-4605-aec6-f0245bd86d40</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>123</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P48" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412817.62 509946.66</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.616499c9-e25a-4605-aec6-f0245bd86d40"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.153e7c2a-26a2-40bd-bb12-87fff52ddf5d">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>153e7c2a-26a2-40bd-bb12-87fff52ddf5d</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>125</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P49" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412821.55 509985.03</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.153e7c2a-26a2-40bd-bb12-87fff52ddf5d"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.a8948c89-3b61-4676-a6bb-7dbd2d1c9af0">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>a8948c89-3b61-4676-a6bb-7dbd2d1c9af0</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>127</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P50" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412826.61 510006.12</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.a8948c89-3b61-4676-a6bb-7dbd2d1c9af0"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.d4c28c2e-7c26-447f-8316-909e3bbbe9ea">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>d4c28c2e-7c26-447f-8316-909e3bbbe9ea</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>129</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P51" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412829.01 510024.38</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.d4c28c2e-7c26-447f-8316-909e3bbbe9ea"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.482c9cbc-4343-4cc5-aeae-05cf96d0cc5f">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>482c9cbc-4343-4cc5-aeae-05cf96d0cc5f</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>133</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P52" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412837.69 510087.11</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.482c9cbc-4343-4cc5-aeae-05cf96d0cc5f"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.88daf401-6b40-43ef-a54b-0c4e010c4759">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>88daf401-6b40-43ef-a54b-0c4e010c4759</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>135</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P53" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412841.21 510111.63</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.88daf401-6b40-43ef-a54b-0c4e010c4759"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.519088f5-90fb-4d11-9c1c-aaf75e8766ed">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>519088f5-90fb-4d11-9c1c-aaf75e8766ed</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>139</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P54" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412849.37 510165.72</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.519088f5-90fb-4d11-9c1c-aaf75e8766ed"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.dbf4a8b2-b0c4-412d-a020-3626f3fe39c0">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>dbf4a8b2-b0c4-412d-a020-3626f3fe39c0</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>141</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P55" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412856.87 510211.44</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.dbf4a8b2-b0c4-412d-a020-3626f3fe39c0"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.a7abe1c2-9e1a-4ef4-b341-e07a83f73f16">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>a7abe1c2-9e1a-4ef4-b341-e07a83f73f16</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>141A</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P56" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412859.65 510231.13</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.a7abe1c2-9e1a-4ef4-b341-e07a83f73f16"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.74e69a5d-0dd2-4a65-bd62-8881ad1b72db">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>74e69a5d-0dd2-4a65-bd62-8881ad1b72db</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>143</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P57" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412863.48 510245.60</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.74e69a5d-0dd2-4a65-bd62-8881ad1b72db"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.f3aed0b6-c7ac-4491-9ef8-8334e647cb8f">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>f3aed0b6-c7ac-4491-9ef8-8334e647cb8f</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>145</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P58" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412868.55 510262.45</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.f3aed0b6-c7ac-4491-9ef8-8334e647cb8f"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.8f2c6ec8-cc41-49a3-ae3a-2b7fdfe01893">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>8f2c6ec8-cc41-49a3-ae3a-2b7fdfe01893</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>147</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P59" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412876.10 510281.86</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.8f2c6ec8-cc41-49a3-ae3a-2b7fdfe01893"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.64e50cad-6623-4a04-a5e7-e4236472f1a3">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>64e50cad-6623-4a04-a5e7-e4236472f1a3</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>149</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P60" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412882.77 510316.36</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.64e50cad-6623-4a04-a5e7-e4236472f1a3"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.66836886-a260-4d0b-bb45-145c1a81682c">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>66836886-a260-4d0b-bb45-145c1a81682c</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>151</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P61" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412889.67 510336.79</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.66836886-a260-4d0b-bb45-145c1a81682c"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.fc132d0d-113d-417d-b0cb-c97d0fef7928">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>fc132d0d-113d-417d-b0cb-c97d0fef7928</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>153</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P62" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412894.86 510361.69</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.fc132d0d-113d-417d-b0cb-c97d0fef7928"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.1c2442f9-298c-43a5-b0cc-ec313571810a">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>1c2442f9-298c-43a5-b0cc-ec313571810a</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>157</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P63" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412898.66 510382.58</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.1c2442f9-298c-43a5-b0cc-ec313571810a"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.1a358ca0-0d75-485d-99c9-4309570dc195">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>1a358ca0-0d75-485d-99c9-4309570dc195</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>159</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P64" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412901.88 510400.27</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.1a358ca0-0d75-485d-99c9-4309570dc195"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.895fd7b3-26b9-4c7f-9118-bb16000f49c8">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>895fd7b3-26b9-4c7f-9118-bb16000f49c8</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>1</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P65" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412965.20 508703.69</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.895fd7b3-26b9-4c7f-9118-bb16000f49c8"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.9d1de2a0-5d15-4a2f-b2ee-4e4519f9919c">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>9d1de2a0-5d15-4a2f-b2ee-4e4519f9919c</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>3</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P66" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412981.75 508761.59</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.9d1de2a0-5d15-4a2f-b2ee-4e4519f9919c"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.353c631c-dfd4-4f37-9200-339d068739fa">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>353c631c-dfd4-4f37-9200-339d068739fa</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>3A</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P67" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412993.09 508818.33</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.353c631c-dfd4-4f37-9200-339d068739fa"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.a268aa87-2607-479d-a050-914a9d33a01c">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>a268aa87-2607-479d-a050-914a9d33a01c</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>5</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P68" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413007.54 508877.00</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.a268aa87-2607-479d-a050-914a9d33a01c"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.9a2ef80f-58ee-4571-b499-8d7c4093f6de">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>9a2ef80f-58ee-4571-b499-8d7c4093f6de</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>9</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P69" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413026.12 508935.16</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.9a2ef80f-58ee-4571-b499-8d7c4093f6de"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.1d87cec3-1f72-46ab-b961-fd925d39d0a8">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>1d87cec3-1f72-46ab-b961-fd925d39d0a8</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>11</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P70" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413060.33 509048.37</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.1d87cec3-1f72-46ab-b961-fd925d39d0a8"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.fa529ba3-fe3b-4ada-bcf2-0724d953ee26">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>fa529ba3-fe3b-4ada-bcf2-0724d953ee26</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>13</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P71" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413075.81 509108.06</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.fa529ba3-fe3b-4ada-bcf2-0724d953ee26"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.4fd58dbe-7bdc-468b-bafb-2c68774b15d7">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>4fd58dbe-7bdc-468b-bafb-2c68774b15d7</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>15</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P72" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413092.72 509165.24</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.4fd58dbe-7bdc-468b-bafb-2c68774b15d7"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.bfeaa155-1a28-47b3-a4e4-e25a15fc899e">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>bfeaa155-1a28-47b3-a4e4-e25a15fc899e</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>17</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P73" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413105.14 509221.52</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.bfeaa155-1a28-47b3-a4e4-e25a15fc899e"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.7a86f7a2-43c7-4b9a-bd87-a86557b6fb7e">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>7a86f7a2-43c7-4b9a-bd87-a86557b6fb7e</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>19</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P74" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413121.99 509278.88</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.7a86f7a2-43c7-4b9a-bd87-a86557b6fb7e"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.842e7fc2-2954-4a6e-b12a-a1f6d42fddbb">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>842e7fc2-2954-4a6e-b12a-a1f6d42fddbb</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>21</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P75" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413136.00 509337.96</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.842e7fc2-2954-4a6e-b12a-a1f6d42fddbb"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.f3b7a50d-f373-4a53-b488-f87605e999f3">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>f3b7a50d-f373-4a53-b488-f87605e999f3</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>23</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P76" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413150.33 509396.47</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.f3b7a50d-f373-4a53-b488-f87605e999f3"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.b0a844e5-2587-4e6b-9c9b-cf35873be078">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>b0a844e5-2587-4e6b-9c9b-cf35873be078</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>27</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P77" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413161.88 509510.10</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.b0a844e5-2587-4e6b-9c9b-cf35873be078"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.c215a82a-06ec-41ad-aa05-75438b0d590b">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>c215a82a-06ec-41ad-aa05-75438b0d590b</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>29</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P78" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413174.03 509574.49</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.c215a82a-06ec-41ad-aa05-75438b0d590b"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.a49636a2-fa7f-4eab-8c4f-9b0687322e25">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>a49636a2-fa7f-4eab-8c4f-9b0687322e25</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>33</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P79" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413190.74 509691.39</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.a49636a2-fa7f-4eab-8c4f-9b0687322e25"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.d86f40f6-b239-43c7-974c-77a2dd02de92">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>d86f40f6-b239-43c7-974c-77a2dd02de92</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>35</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P80" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413198.66 509749.71</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.d86f40f6-b239-43c7-974c-77a2dd02de92"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.e883a1d4-5de0-4997-84b5-a81842d87208">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>e883a1d4-5de0-4997-84b5-a81842d87208</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>37</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P81" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413208.57 509808.46</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.e883a1d4-5de0-4997-84b5-a81842d87208"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.3908f227-c59d-4916-9b0e-e76f2ac34446">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>3908f227-c59d-4916-9b0e-e76f2ac34446</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>39</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P82" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413214.13 509874.42</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.3908f227-c59d-4916-9b0e-e76f2ac34446"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.80b0c08b-c770-4420-8aa4-248c8857f9a4">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>80b0c08b-c770-4420-8aa4-248c8857f9a4</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>41</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P83" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413223.37 509932.18</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.80b0c08b-c770-4420-8aa4-248c8857f9a4"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.9cfc8652-3919-4242-a2ed-dbbd5464ecc2">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>9cfc8652-3919-4242-a2ed-dbbd5464ecc2</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>43</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P84" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413231.16 509988.26</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.9cfc8652-3919-4242-a2ed-dbbd5464ecc2"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.c2216b02-fc24-4d0b-89d4-88b1cfbf3360">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>c2216b02-fc24-4d0b-89d4-88b1cfbf3360</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>43A</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P85" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413241.49 510049.18</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.c2216b02-fc24-4d0b-89d4-88b1cfbf3360"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.3d4882a5-ce5b-4a92-b1f5-1707da45e18a">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>3d4882a5-ce5b-4a92-b1f5-1707da45e18a</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>45</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P86" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413252.70 510105.59</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.3d4882a5-ce5b-4a92-b1f5-1707da45e18a"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.cda6c6fd-bd68-4167-a693-4036d17e4497">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>cda6c6fd-bd68-4167-a693-4036d17e4497</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>47</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P87" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413275.92 510224.10</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.cda6c6fd-bd68-4167-a693-4036d17e4497"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.7e26f36a-8483-48b8-b32d-d3313a0b9965">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>7e26f36a-8483-48b8-b32d-d3313a0b9965</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>1 Maja</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>2</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P88" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413275.92 510224.10</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10111"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.7e26f36a-8483-48b8-b32d-d3313a0b9965"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.fd56a926-076b-4e36-bb23-13f55b06258e">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>fd56a926-076b-4e36-bb23-13f55b06258e</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Piłsudskiego</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>49</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P89" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413287.98 510283.66</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10074"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.fd56a926-076b-4e36-bb23-13f55b06258e"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.78e4b98d-4787-493b-8a44-eb860726e25c">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>78e4b98d-4787-493b-8a44-eb860726e25c</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>1</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P90" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413596.42 509663.76</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.78e4b98d-4787-493b-8a44-eb860726e25c"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.9aea6429-b149-4e24-b192-b70442594052">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>9aea6429-b149-4e24-b192-b70442594052</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>2</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P91" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413649.41 509711.82</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.9aea6429-b149-4e24-b192-b70442594052"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.cefe2a1f-727d-4349-9822-cb77f4de2c08">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>cefe2a1f-727d-4349-9822-cb77f4de2c08</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>4</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P92" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413965.30 508475.57</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.cefe2a1f-727d-4349-9822-cb77f4de2c08"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.597a1ecf-fcf0-4fec-b91e-e9e5efe09f07">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>597a1ecf-fcf0-4fec-b91e-e9e5efe09f07</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>5</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P93" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413971.15 508494.38</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.597a1ecf-fcf0-4fec-b91e-e9e5efe09f07"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.149e259b-5d58-4705-b979-d04af47aebdd">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>149e259b-5d58-4705-b979-d04af47aebdd</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>6</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P94" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413976.62 508511.94</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.149e259b-5d58-4705-b979-d04af47aebdd"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.78572976-3a12-417c-9a26-f88938703800">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>78572976-3a12-417c-9a26-f88938703800</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>7</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P95" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413983.69 508532.86</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.78572976-3a12-417c-9a26-f88938703800"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.7b8f2ab5-3451-4013-9675-f6ad325b55dd">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>7b8f2ab5-3451-4013-9675-f6ad325b55dd</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>8</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P96" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413990.84 508552.74</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.7b8f2ab5-3451-4013-9675-f6ad325b55dd"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.9c3a23cd-e67a-4b75-bc39-47249fc2d0a1">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>9c3a23cd-e67a-4b75-bc39-47249fc2d0a1</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>9</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P97" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>413996.15 508571.27</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.9c3a23cd-e67a-4b75-bc39-47249fc2d0a1"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.e8c14743-7abe-4539-807d-1034d726c86b">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>e8c14743-7abe-4539-807d-1034d726c86b</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>10</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P98" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414002.38 508588.38</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.e8c14743-7abe-4539-807d-1034d726c86b"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.a4a45eff-ccb5-43d9-9810-d60ea72991b9">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>a4a45eff-ccb5-43d9-9810-d60ea72991b9</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>11</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P99" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414006.22 508608.52</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.a4a45eff-ccb5-43d9-9810-d60ea72991b9"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.1eb20109-a91c-4439-95ab-8b4d15b40aeb">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>1eb20109-a91c-4439-95ab-8b4d15b40aeb</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>13</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P100" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414007.38 508628.46</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.1eb20109-a91c-4439-95ab-8b4d15b40aeb"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.b6246771-c845-4070-a377-1407e8e72789">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>b6246771-c845-4070-a377-1407e8e72789</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>15</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P101" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414014.57 508644.71</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.b6246771-c845-4070-a377-1407e8e72789"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.e39639be-7a60-4a91-b306-98a1c0093492">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>e39639be-7a60-4a91-b306-98a1c0093492</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>16</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P102" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414028.24 508683.23</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.e39639be-7a60-4a91-b306-98a1c0093492"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.a2c68e45-ca04-479f-af15-b6ad2db3997f">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>a2c68e45-ca04-479f-af15-b6ad2db3997f</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>17</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P103" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414032.72 508700.13</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.a2c68e45-ca04-479f-af15-b6ad2db3997f"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.f237e45a-cd02-45e1-9635-3d03551fd8f9">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>f237e45a-cd02-45e1-9635-3d03551fd8f9</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>18</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P104" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414036.31 508720.06</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.f237e45a-cd02-45e1-9635-3d03551fd8f9"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.7691b06f-6555-4bfe-b8c9-817af8be8831">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>7691b06f-6555-4bfe-b8c9-817af8be8831</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>19</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P105" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414038.65 508740.72</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.7691b06f-6555-4bfe-b8c9-817af8be8831"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.15bd448f-f261-49ed-be4c-5ce666c1494e">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>15bd448f-f261-49ed-be4c-5ce666c1494e</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>21</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P106" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414051.17 508777.81</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.15bd448f-f261-49ed-be4c-5ce666c1494e"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.fe3c9c8f-2b85-4c1f-a8aa-ca51b98c67c2">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>fe3c9c8f-2b85-4c1f-a8aa-ca51b98c67c2</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>22</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P107" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414059.10 508797.28</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.fe3c9c8f-2b85-4c1f-a8aa-ca51b98c67c2"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.973f7986-26b1-4ffc-870d-710920859634">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>973f7986-26b1-4ffc-870d-710920859634</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>23</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P108" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414066.08 508815.00</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.973f7986-26b1-4ffc-870d-710920859634"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.a7e6529b-ce76-49f4-b721-6e9ee7a46309">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>a7e6529b-ce76-49f4-b721-6e9ee7a46309</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>24</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P109" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414076.84 508847.49</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.a7e6529b-ce76-49f4-b721-6e9ee7a46309"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.988af3fb-d396-40d6-9c90-11ef256badf9">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>988af3fb-d396-40d6-9c90-11ef256badf9</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>25</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P110" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414081.80 508867.33</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.988af3fb-d396-40d6-9c90-11ef256badf9"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.effddeea-a842-4c19-b96f-74adfaf55496">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>effddeea-a842-4c19-b96f-74adfaf55496</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>26</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P111" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414092.10 508909.58</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.effddeea-a842-4c19-b96f-74adfaf55496"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.8c5c715f-8c74-4c1e-a7e9-e06f59b44e92">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>8c5c715f-8c74-4c1e-a7e9-e06f59b44e92</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>27</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P112" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414101.00 508951.42</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.8c5c715f-8c74-4c1e-a7e9-e06f59b44e92"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.cca2a92b-03a5-4cc1-857a-40b22188287e">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>cca2a92b-03a5-4cc1-857a-40b22188287e</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>28</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P113" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414103.45 508972.26</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.cca2a92b-03a5-4cc1-857a-40b22188287e"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.1a4f44f9-a651-4445-b9f3-635cf88c422b">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>1a4f44f9-a651-4445-b9f3-635cf88c422b</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>29</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P114" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414111.26 508995.69</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.1a4f44f9-a651-4445-b9f3-635cf88c422b"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.23a5ef88-ef02-490b-bfde-fc1586ce03f9">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>23a5ef88-ef02-490b-bfde-fc1586ce03f9</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>31</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P115" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414115.85 509019.52</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.23a5ef88-ef02-490b-bfde-fc1586ce03f9"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.31dec4f4-df2a-4b79-bc8e-80b36f0e2289">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>31dec4f4-df2a-4b79-bc8e-80b36f0e2289</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>32</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P116" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414123.82 509035.90</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.31dec4f4-df2a-4b79-bc8e-80b36f0e2289"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.072a98d2-3606-4efc-9fb8-5c0dd37ee915">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>072a98d2-3606-4efc-9fb8-5c0dd37ee915</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>34</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P117" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414127.48 509052.72</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.072a98d2-3606-4efc-9fb8-5c0dd37ee915"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.804c25d6-4aff-4cd1-b678-bc8d40783f0a">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>804c25d6-4aff-4cd1-b678-bc8d40783f0a</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>35</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P118" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414133.08 509087.76</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.804c25d6-4aff-4cd1-b678-bc8d40783f0a"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.53740902-9620-4f0d-8380-84a03d93fd4c">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>53740902-9620-4f0d-8380-84a03d93fd4c</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>37</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P119" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414147.19 509146.16</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.53740902-9620-4f0d-8380-84a03d93fd4c"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.d58dcdb4-6b44-4806-8b5a-b3ee4265bb31">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>d58dcdb4-6b44-4806-8b5a-b3ee4265bb31</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>39</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P120" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414155.26 509185.66</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.d58dcdb4-6b44-4806-8b5a-b3ee4265bb31"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.bd6b881a-e8f6-40bd-8f97-7044218e0b7b">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>bd6b881a-e8f6-40bd-8f97-7044218e0b7b</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>40</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P121" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414159.41 509206.83</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.bd6b881a-e8f6-40bd-8f97-7044218e0b7b"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.a997f351-754a-49cd-a5cf-edfa5a9196f0">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>a997f351-754a-49cd-a5cf-edfa5a9196f0</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>41</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P122" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414164.74 509227.57</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.a997f351-754a-49cd-a5cf-edfa5a9196f0"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.844a7034-e77f-4e48-90a6-ec179556585e">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>844a7034-e77f-4e48-90a6-ec179556585e</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>42</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P123" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414167.21 509249.76</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.844a7034-e77f-4e48-90a6-ec179556585e"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.e0cfab4c-eaef-44d2-93bf-6d016bae4b5b">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>e0cfab4c-eaef-44d2-93bf-6d016bae4b5b</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>43</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P124" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414173.94 509294.06</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.e0cfab4c-eaef-44d2-93bf-6d016bae4b5b"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.26debfdb-8825-4e56-a179-b37d806c10b5">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>26debfdb-8825-4e56-a179-b37d806c10b5</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>44</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P125" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414177.85 509314.71</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.26debfdb-8825-4e56-a179-b37d806c10b5"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.df703017-04c9-478d-82b3-359986048719">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>df703017-04c9-478d-82b3-359986048719</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>45</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P126" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414179.59 509330.02</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.df703017-04c9-478d-82b3-359986048719"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.9bca3cb7-2ee0-489d-86c9-1b9270ac06ac">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>9bca3cb7-2ee0-489d-86c9-1b9270ac06ac</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>46</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P127" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414182.83 509347.47</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.9bca3cb7-2ee0-489d-86c9-1b9270ac06ac"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.265974a7-cc96-4f46-86aa-7d550101b811">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>265974a7-cc96-4f46-86aa-7d550101b811</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>47</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P128" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414187.01 509364.93</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.265974a7-cc96-4f46-86aa-7d550101b811"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.9e7d6b37-7936-4536-a43d-35702c1eea1f">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>9e7d6b37-7936-4536-a43d-35702c1eea1f</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>49</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P129" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414188.23 509381.94</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.9e7d6b37-7936-4536-a43d-35702c1eea1f"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.0fcf31ca-8e75-4fdf-9ece-615db9a6442e">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>0fcf31ca-8e75-4fdf-9ece-615db9a6442e</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>51</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P130" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414192.69 509401.90</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.0fcf31ca-8e75-4fdf-9ece-615db9a6442e"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.87ddaeb7-84b2-4054-aead-44b0537390e5">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>87ddaeb7-84b2-4054-aead-44b0537390e5</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>53</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P131" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414196.64 509420.78</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.87ddaeb7-84b2-4054-aead-44b0537390e5"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.c6c80e2b-c8c6-44b2-bb84-44d18e317041">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>c6c80e2b-c8c6-44b2-bb84-44d18e317041</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>54</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P132" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414198.67 509439.41</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.c6c80e2b-c8c6-44b2-bb84-44d18e317041"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.0e8bec94-8f6f-415f-a21b-37ca1b29fc99">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>0e8bec94-8f6f-415f-a21b-37ca1b29fc99</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>55</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P133" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414201.26 509456.49</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.0e8bec94-8f6f-415f-a21b-37ca1b29fc99"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.0acd8be1-46e4-4990-b0f9-70583f9d52f9">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>0acd8be1-46e4-4990-b0f9-70583f9d52f9</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>56</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P134" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414202.87 509473.59</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.0acd8be1-46e4-4990-b0f9-70583f9d52f9"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.73c1cd2c-81f9-4b52-9905-d591c5b2e75a">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>73c1cd2c-81f9-4b52-9905-d591c5b2e75a</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>57</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P135" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414209.64 509495.13</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.73c1cd2c-81f9-4b52-9905-d591c5b2e75a"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.e4ddf9b9-c28e-4907-8722-35c28fcd7f40">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>e4ddf9b9-c28e-4907-8722-35c28fcd7f40</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>58</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P136" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414213.36 509517.30</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.e4ddf9b9-c28e-4907-8722-35c28fcd7f40"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.535b6a43-7178-4a0a-9038-f0b5e998d0ee">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>535b6a43-7178-4a0a-9038-f0b5e998d0ee</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>59</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P137" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414218.07 509559.12</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.535b6a43-7178-4a0a-9038-f0b5e998d0ee"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.9b2bd6c0-816b-4e06-b92e-23399ccea098">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>9b2bd6c0-816b-4e06-b92e-23399ccea098</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>63</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P138" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414218.37 509604.39</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.9b2bd6c0-816b-4e06-b92e-23399ccea098"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.46f5a1b4-b156-41ad-b30c-16a3831d03bf">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>46f5a1b4-b156-41ad-b30c-16a3831d03bf</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>64</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P139" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414222.45 509623.18</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.46f5a1b4-b156-41ad-b30c-16a3831d03bf"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.ceaf4915-8885-44e8-8216-858f73ccef03">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>ceaf4915-8885-44e8-8216-858f73ccef03</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>65</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P140" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414223.95 509661.83</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.ceaf4915-8885-44e8-8216-858f73ccef03"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.3f665ede-f106-47ce-81fc-069e7a609683">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>3f665ede-f106-47ce-81fc-069e7a609683</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>66</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P141" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414228.66 509678.17</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.3f665ede-f106-47ce-81fc-069e7a609683"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.e040015c-e064-4114-85f1-115bb2fff17b">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>e040015c-e064-4114-85f1-115bb2fff17b</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>67</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P142" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414231.49 509698.92</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.e040015c-e064-4114-85f1-115bb2fff17b"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.ec3b9605-4274-43eb-ad84-e91ef132bf2d">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>ec3b9605-4274-43eb-ad84-e91ef132bf2d</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>69</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P143" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414237.43 509740.63</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.ec3b9605-4274-43eb-ad84-e91ef132bf2d"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.33dcd77f-f179-42d2-a48b-96628f3c4be3">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>33dcd77f-f179-42d2-a48b-96628f3c4be3</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>71</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P144" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414241.18 509764.69</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.33dcd77f-f179-42d2-a48b-96628f3c4be3"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.6aa8b9e0-231b-4e14-b291-35bdd70a39d1">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>6aa8b9e0-231b-4e14-b291-35bdd70a39d1</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>72</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P145" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414244.91 509787.23</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.6aa8b9e0-231b-4e14-b291-35bdd70a39d1"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.50e40d54-712e-46b3-a471-fde41f229dd0">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>50e40d54-712e-46b3-a471-fde41f229dd0</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>74</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P146" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414245.56 509807.38</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.50e40d54-712e-46b3-a471-fde41f229dd0"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.6da79a87-3d9a-4079-abd0-d7fb12926185">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>6da79a87-3d9a-4079-abd0-d7fb12926185</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>76</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P147" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414252.66 509844.91</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.6da79a87-3d9a-4079-abd0-d7fb12926185"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.4d82feac-ab62-46cd-b672-d6ae12b80aed">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>4d82feac-ab62-46cd-b672-d6ae12b80aed</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>77</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P148" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414258.48 509863.74</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.4d82feac-ab62-46cd-b672-d6ae12b80aed"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.c6e50df2-e5a3-463e-9f52-5265c8b007ee">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>c6e50df2-e5a3-463e-9f52-5265c8b007ee</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>80</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P149" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414262.36 509880.81</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.c6e50df2-e5a3-463e-9f52-5265c8b007ee"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.a4b9a9c4-b753-41ee-b083-60852789d059">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>a4b9a9c4-b753-41ee-b083-60852789d059</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>81</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P150" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414272.59 509917.06</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.a4b9a9c4-b753-41ee-b083-60852789d059"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.40cbacd0-249a-4584-9dbe-3023a906922f">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>40cbacd0-249a-4584-9dbe-3023a906922f</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>83</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P151" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414275.96 509936.18</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.40cbacd0-249a-4584-9dbe-3023a906922f"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.77bd891f-f7b1-43df-a323-1e1ee2015522">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>77bd891f-f7b1-43df-a323-1e1ee2015522</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>84</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P152" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414278.68 509953.35</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.77bd891f-f7b1-43df-a323-1e1ee2015522"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.18189af4-f3d7-4f82-bf26-8ea03836e865">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>18189af4-f3d7-4f82-bf26-8ea03836e865</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>85</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P153" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414283.89 509971.16</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.18189af4-f3d7-4f82-bf26-8ea03836e865"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.29acf1a5-7cbd-4f5a-a28a-f60465f42986">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>29acf1a5-7cbd-4f5a-a28a-f60465f42986</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>87</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P154" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414287.63 509990.44</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.29acf1a5-7cbd-4f5a-a28a-f60465f42986"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.3945336b-d51b-4815-aaf7-19f3fd68373b">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>3945336b-d51b-4815-aaf7-19f3fd68373b</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>88</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P155" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414289.34 510011.25</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.3945336b-d51b-4815-aaf7-19f3fd68373b"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.fe7b8ae4-6e78-46a4-b4d1-9ec12955d6f0">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>fe7b8ae4-6e78-46a4-b4d1-9ec12955d6f0</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>90</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P156" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414294.88 510033.58</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.fe7b8ae4-6e78-46a4-b4d1-9ec12955d6f0"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.6bd8c676-56d0-40cd-a760-136783feb17b">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>6bd8c676-56d0-40cd-a760-136783feb17b</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>91</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P157" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414297.65 510050.67</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.6bd8c676-56d0-40cd-a760-136783feb17b"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.179a071e-518a-4452-9b4b-1b75321c5296">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>179a071e-518a-4452-9b4b-1b75321c5296</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>92</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P158" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414300.80 510066.40</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.179a071e-518a-4452-9b4b-1b75321c5296"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.5685d624-04fc-4555-9daf-106db8dee081">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>5685d624-04fc-4555-9daf-106db8dee081</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bachorza</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>94</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P159" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>414307.76 510088.33</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720026"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.5685d624-04fc-4555-9daf-106db8dee081"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.b401ba85-70c1-4ca1-b56b-72898dd63cb9">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>b401ba85-70c1-4ca1-b56b-72898dd63cb9</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>3</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P160" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415072.02 508252.09</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.b401ba85-70c1-4ca1-b56b-72898dd63cb9"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.84768b8c-54dd-4ba5-a264-67ba04a10547">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>84768b8c-54dd-4ba5-a264-67ba04a10547</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>5</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P161" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415079.46 508296.09</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.84768b8c-54dd-4ba5-a264-67ba04a10547"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.f5f554ed-8323-4ef5-8ba2-e1619fb9af50">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>f5f554ed-8323-4ef5-8ba2-e1619fb9af50</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>6</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P162" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415087.29 508315.97</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.f5f554ed-8323-4ef5-8ba2-e1619fb9af50"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.eb25f8a1-fc2e-4a59-9ce3-bc0c10755c97">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>eb25f8a1-fc2e-4a59-9ce3-bc0c10755c97</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>8</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P163" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415093.09 508334.47</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.eb25f8a1-fc2e-4a59-9ce3-bc0c10755c97"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.e05b3e13-f8c1-40fb-ba82-8159c9d22950">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>e05b3e13-f8c1-40fb-ba82-8159c9d22950</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>9</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P164" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415097.73 508349.20</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.e05b3e13-f8c1-40fb-ba82-8159c9d22950"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.459c945c-43fc-4527-9585-0a031ad2d5f1">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>459c945c-43fc-4527-9585-0a031ad2d5f1</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>10</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P165" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415103.62 508366.26</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.459c945c-43fc-4527-9585-0a031ad2d5f1"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.2e7a26e9-c76c-403f-a7e8-f9f60a227385">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>2e7a26e9-c76c-403f-a7e8-f9f60a227385</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>13</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P166" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415109.98 508383.44</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.2e7a26e9-c76c-403f-a7e8-f9f60a227385"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.d1dcec53-212a-4d9b-817a-9262453bf491">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>d1dcec53-212a-4d9b-817a-9262453bf491</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>16</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P167" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415116.76 508401.70</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.d1dcec53-212a-4d9b-817a-9262453bf491"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.ad0c9bb6-e952-4a69-997e-967b6c18d982">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>ad0c9bb6-e952-4a69-997e-967b6c18d982</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>19</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P168" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415123.64 508424.35</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.ad0c9bb6-e952-4a69-997e-967b6c18d982"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.67ec326a-4234-4354-b22d-2882d1a89b37">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>67ec326a-4234-4354-b22d-2882d1a89b37</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>21</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P169" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415128.77 508445.06</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.67ec326a-4234-4354-b22d-2882d1a89b37"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.83c8cb28-eb4e-42e3-895e-8b6b263cfa5e">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>83c8cb28-eb4e-42e3-895e-8b6b263cfa5e</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>23</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P170" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415133.82 508465.43</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.83c8cb28-eb4e-42e3-895e-8b6b263cfa5e"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.53b97377-b34e-4ece-be9e-e51d9212824c">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>53b97377-b34e-4ece-be9e-e51d9212824c</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>24</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P171" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415142.51 508499.86</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.53b97377-b34e-4ece-be9e-e51d9212824c"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.ccb1c51d-0eba-4ea8-8770-a08716e6fec3">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>ccb1c51d-0eba-4ea8-8770-a08716e6fec3</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>25</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P172" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415148.32 508522.60</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.ccb1c51d-0eba-4ea8-8770-a08716e6fec3"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.e5316960-6ce1-43c2-aeef-a279b02e3d8d">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>e5316960-6ce1-43c2-aeef-a279b02e3d8d</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>27</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P173" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415151.79 508547.22</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.e5316960-6ce1-43c2-aeef-a279b02e3d8d"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.044f1574-f037-4fc6-84d8-2a531289bafa">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>044f1574-f037-4fc6-84d8-2a531289bafa</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>28</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P174" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415159.38 508564.83</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.044f1574-f037-4fc6-84d8-2a531289bafa"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.42b38755-cd37-480e-96ac-4191a26aa0ae">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>42b38755-cd37-480e-96ac-4191a26aa0ae</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>29</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P175" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415163.48 508583.94</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.42b38755-cd37-480e-96ac-4191a26aa0ae"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.38efbaeb-db31-4cd2-9bb1-83e11570266b">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>38efbaeb-db31-4cd2-9bb1-83e11570266b</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>32</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P176" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415185.56 508660.30</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.38efbaeb-db31-4cd2-9bb1-83e11570266b"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.1f2642aa-dcde-4204-83b3-0f66110e2cb6">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>1f2642aa-dcde-4204-83b3-0f66110e2cb6</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>33</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P177" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415189.42 508679.35</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.1f2642aa-dcde-4204-83b3-0f66110e2cb6"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.fe8ad4a1-56d2-468c-82f4-b342742a8063">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>fe8ad4a1-56d2-468c-82f4-b342742a8063</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>34</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P178" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415193.47 508699.39</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.fe8ad4a1-56d2-468c-82f4-b342742a8063"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.ea59679a-ed3a-42a8-aaf2-57488d959c31">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>ea59679a-ed3a-42a8-aaf2-57488d959c31</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>35</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P179" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415199.78 508718.55</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.ea59679a-ed3a-42a8-aaf2-57488d959c31"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.0b0f873b-2114-4068-9f27-f52c449274d2">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>0b0f873b-2114-4068-9f27-f52c449274d2</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>36</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P180" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415205.61 508734.77</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.0b0f873b-2114-4068-9f27-f52c449274d2"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.f0290531-3d0a-470b-b5a4-32cf86e3e726">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>f0290531-3d0a-470b-b5a4-32cf86e3e726</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>37</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P181" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415215.14 508751.45</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.f0290531-3d0a-470b-b5a4-32cf86e3e726"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.430b91ed-2954-4a5c-b81e-54dd1c0502c6">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>430b91ed-2954-4a5c-b81e-54dd1c0502c6</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>38</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P182" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415220.04 508771.88</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.430b91ed-2954-4a5c-b81e-54dd1c0502c6"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.eea7bb64-33a7-4568-ae5f-950c0ce5af69">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>eea7bb64-33a7-4568-ae5f-950c0ce5af69</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>41</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P183" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415230.43 508817.79</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.eea7bb64-33a7-4568-ae5f-950c0ce5af69"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.87f53ddd-4e14-4571-a0f0-96da4fdebbec">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>87f53ddd-4e14-4571-a0f0-96da4fdebbec</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>42</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P184" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415234.69 508852.32</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.87f53ddd-4e14-4571-a0f0-96da4fdebbec"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.721888ff-4a3a-4f99-b4b3-ff60c26e7a42">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>721888ff-4a3a-4f99-b4b3-ff60c26e7a42</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>43</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P185" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415234.39 508870.45</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.721888ff-4a3a-4f99-b4b3-ff60c26e7a42"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.4540f426-2d8a-48c0-ac12-7e938005ce74">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>4540f426-2d8a-48c0-ac12-7e938005ce74</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>44</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P186" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415237.96 508888.54</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.4540f426-2d8a-48c0-ac12-7e938005ce74"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.fe977c56-04a6-4651-8dbd-e74758d50f1b">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>fe977c56-04a6-4651-8dbd-e74758d50f1b</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>45</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P187" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415250.14 508929.07</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.fe977c56-04a6-4651-8dbd-e74758d50f1b"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.04b8157d-03ed-4920-8975-8340401d68fb">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>04b8157d-03ed-4920-8975-8340401d68fb</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>46</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P188" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415256.59 508949.76</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.04b8157d-03ed-4920-8975-8340401d68fb"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.fa619774-8d11-4e37-8172-8a07bbab27f6">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>fa619774-8d11-4e37-8172-8a07bbab27f6</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>47</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P189" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415259.87 508971.97</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.fa619774-8d11-4e37-8172-8a07bbab27f6"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.3ee4da5a-7989-49d0-83a4-e62930803889">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>3ee4da5a-7989-49d0-83a4-e62930803889</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>48</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P190" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415262.93 508992.84</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.3ee4da5a-7989-49d0-83a4-e62930803889"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.a887ae22-1b35-411b-b272-3b9cef44c0d5">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>a887ae22-1b35-411b-b272-3b9cef44c0d5</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>51</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P191" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415267.24 509013.25</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.a887ae22-1b35-411b-b272-3b9cef44c0d5"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.a81100a1-6ea3-40a1-a66d-58b5d1a4c01e">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>a81100a1-6ea3-40a1-a66d-58b5d1a4c01e</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>52</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P192" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415272.12 509031.98</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.a81100a1-6ea3-40a1-a66d-58b5d1a4c01e"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.e3838b9e-d5a9-422a-8bc0-83117eb86c57">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>e3838b9e-d5a9-422a-8bc0-83117eb86c57</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>53</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P193" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415276.37 509048.25</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.e3838b9e-d5a9-422a-8bc0-83117eb86c57"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.4ecadea2-81b6-4bb5-b866-64ae64a149f5">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>4ecadea2-81b6-4bb5-b866-64ae64a149f5</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>56</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P194" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415283.36 509085.22</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.4ecadea2-81b6-4bb5-b866-64ae64a149f5"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.3ac4da9a-fb81-4921-b716-1c16b00fd7bb">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>3ac4da9a-fb81-4921-b716-1c16b00fd7bb</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>64</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P195" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415296.21 509185.71</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.3ac4da9a-fb81-4921-b716-1c16b00fd7bb"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.e1c60aa3-d510-4b04-b2d9-0dcd57bb7d97">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>e1c60aa3-d510-4b04-b2d9-0dcd57bb7d97</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>65</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P196" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415299.46 509208.61</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.e1c60aa3-d510-4b04-b2d9-0dcd57bb7d97"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.23c49cae-a2cf-42ba-ba95-8810b4ebf4b6">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>23c49cae-a2cf-42ba-ba95-8810b4ebf4b6</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>67</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P197" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415301.90 509225.82</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.23c49cae-a2cf-42ba-ba95-8810b4ebf4b6"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.fb5c9d56-58f9-4dea-bd4b-d030679a44dd">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>fb5c9d56-58f9-4dea-bd4b-d030679a44dd</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>68</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P198" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415303.76 509245.91</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.fb5c9d56-58f9-4dea-bd4b-d030679a44dd"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.03a63966-213b-4a7f-9644-de2f0dec6823">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>03a63966-213b-4a7f-9644-de2f0dec6823</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>70</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P199" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415303.92 509271.79</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.03a63966-213b-4a7f-9644-de2f0dec6823"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.e13e213e-bdaa-4a00-a01d-616f121ae3e6">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>e13e213e-bdaa-4a00-a01d-616f121ae3e6</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>71</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P200" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415308.43 509307.30</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.e13e213e-bdaa-4a00-a01d-616f121ae3e6"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.0e2ec40a-29ca-462d-ae45-05f5416e99b0">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>0e2ec40a-29ca-462d-ae45-05f5416e99b0</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>72</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P201" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415308.08 509323.09</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.0e2ec40a-29ca-462d-ae45-05f5416e99b0"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.618177ff-d75d-4769-aa4c-5c6015a0cce6">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>618177ff-d75d-4769-aa4c-5c6015a0cce6</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>74</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P202" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415314.99 509363.08</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.618177ff-d75d-4769-aa4c-5c6015a0cce6"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.f88ede10-aba8-49b3-8185-797cdedb9109">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>f88ede10-aba8-49b3-8185-797cdedb9109</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>76</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P203" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415320.86 509384.73</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.f88ede10-aba8-49b3-8185-797cdedb9109"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.b153d69c-3e01-4aa6-9949-8ac4482cc78e">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>b153d69c-3e01-4aa6-9949-8ac4482cc78e</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>77</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P204" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415321.77 509402.66</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.b153d69c-3e01-4aa6-9949-8ac4482cc78e"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.2f733b05-759e-4559-8b94-af3a4b05e1ae">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>2f733b05-759e-4559-8b94-af3a4b05e1ae</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>79</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P205" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415327.26 509422.27</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.2f733b05-759e-4559-8b94-af3a4b05e1ae"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.00ed6b02-7221-4fdc-84df-96ff28541424">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>00ed6b02-7221-4fdc-84df-96ff28541424</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>80</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P206" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415332.67 509464.76</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.00ed6b02-7221-4fdc-84df-96ff28541424"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.54348156-f637-4468-9d38-5e064363e5d9">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>54348156-f637-4468-9d38-5e064363e5d9</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>81</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P207" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415334.87 509485.28</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.54348156-f637-4468-9d38-5e064363e5d9"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.52d31e1b-8c0d-4033-bc23-25a9f8fdd208">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>52d31e1b-8c0d-4033-bc23-25a9f8fdd208</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>82</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P208" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415335.14 509503.86</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.52d31e1b-8c0d-4033-bc23-25a9f8fdd208"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.e1e437b7-f735-4fe6-88d1-80113e940bb4">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>e1e437b7-f735-4fe6-88d1-80113e940bb4</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>85</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P209" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415338.07 509523.07</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.e1e437b7-f735-4fe6-88d1-80113e940bb4"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.2ed65411-5b49-4561-b7c6-0e984f3e885e">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>2ed65411-5b49-4561-b7c6-0e984f3e885e</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>86</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P210" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415340.88 509541.82</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.2ed65411-5b49-4561-b7c6-0e984f3e885e"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.1579da0a-61b2-480c-95d8-5e8d00460d69">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>1579da0a-61b2-480c-95d8-5e8d00460d69</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>87</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P211" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415345.48 509561.63</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.1579da0a-61b2-480c-95d8-5e8d00460d69"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.a7f0c99e-80b5-444a-8767-e1fa79823eb2">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>a7f0c99e-80b5-444a-8767-e1fa79823eb2</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>88</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P212" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415354.36 509610.69</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.a7f0c99e-80b5-444a-8767-e1fa79823eb2"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.c6b789ef-8136-4acc-bf88-af5933736dcc">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>c6b789ef-8136-4acc-bf88-af5933736dcc</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>89</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P213" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415358.80 509631.55</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.c6b789ef-8136-4acc-bf88-af5933736dcc"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.d129d067-43a0-4f06-9742-0e940144702b">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>d129d067-43a0-4f06-9742-0e940144702b</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>91</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P214" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415360.11 509647.63</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.d129d067-43a0-4f06-9742-0e940144702b"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.963892a7-6646-4d28-a4d4-589c16fa1421">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>963892a7-6646-4d28-a4d4-589c16fa1421</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>92</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P215" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415363.73 509662.18</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.963892a7-6646-4d28-a4d4-589c16fa1421"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.4cb59aa7-05c2-4d3f-a4db-c8d30aaaaf81">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>4cb59aa7-05c2-4d3f-a4db-c8d30aaaaf81</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>93</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P216" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415367.09 509682.37</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.4cb59aa7-05c2-4d3f-a4db-c8d30aaaaf81"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.15a0a8ae-3b99-4870-a132-0b9d4de2f8ad">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>15a0a8ae-3b99-4870-a132-0b9d4de2f8ad</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>94</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P217" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415371.79 509702.36</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.15a0a8ae-3b99-4870-a132-0b9d4de2f8ad"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.da6e6d8e-8778-4742-b527-b5c295e8c93e">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>da6e6d8e-8778-4742-b527-b5c295e8c93e</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>95</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P218" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415383.44 509746.30</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.da6e6d8e-8778-4742-b527-b5c295e8c93e"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.e48e9e02-a854-4834-a7be-9ab1c0236e49">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>e48e9e02-a854-4834-a7be-9ab1c0236e49</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>96</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P219" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415388.12 509762.71</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.e48e9e02-a854-4834-a7be-9ab1c0236e49"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.98b81c66-e10c-467d-88b6-eaffb74b589b">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>98b81c66-e10c-467d-88b6-eaffb74b589b</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-10T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-10T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>97</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P220" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415393.02 509795.90</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.98b81c66-e10c-467d-88b6-eaffb74b589b"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.b87e4e2b-537d-4128-83a9-e88963b759f5">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>b87e4e2b-537d-4128-83a9-e88963b759f5</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-11T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-11T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>98</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P221" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415395.05 509815.82</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.b87e4e2b-537d-4128-83a9-e88963b759f5"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.48bfcbcf-2643-4798-be83-4904fc173498">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>48bfcbcf-2643-4798-be83-4904fc173498</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-12T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-12T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>100</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P222" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415398.46 509834.10</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.48bfcbcf-2643-4798-be83-4904fc173498"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.250e7b34-a4aa-47b4-9e63-97d4b96245d3">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>250e7b34-a4aa-47b4-9e63-97d4b96245d3</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-13T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-13T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Bilew</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:numerPorzadkowy>102</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P223" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>415408.06 509872.87</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720039"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.250e7b34-a4aa-47b4-9e63-97d4b96245d3"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.b70af5f2-d5d5-491f-9329-d65c0b35b1de">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>b70af5f2-d5d5-491f-9329-d65c0b35b1de</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-14T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-14T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Kościuszki</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>1A</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P224" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412131.94 509932.88</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10000"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.b70af5f2-d5d5-491f-9329-d65c0b35b1de"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.6de2fb1f-a098-4691-8352-bc85e456559c">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>6de2fb1f-a098-4691-8352-bc85e456559c</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-15T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-15T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>21A</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P225" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412617.96 508996.53</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.6de2fb1f-a098-4691-8352-bc85e456559c"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.816b2332-cfed-443b-b378-3a7cbbddbb9b">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>816b2332-cfed-443b-b378-3a7cbbddbb9b</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-16T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-16T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>45A</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P226" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412700.19 509284.49</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.816b2332-cfed-443b-b378-3a7cbbddbb9b"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.c0bbe6ed-8614-4504-a8ee-65a123a9a9da">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>c0bbe6ed-8614-4504-a8ee-65a123a9a9da</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-17T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-17T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>71A</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P227" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412754.81 509542.64</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.c0bbe6ed-8614-4504-a8ee-65a123a9a9da"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.d01a914c-d5be-485a-9187-df42811e7616">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>d01a914c-d5be-485a-9187-df42811e7616</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-18T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-18T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Sienkiewicza</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>99</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>prognozowany</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P228" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412618.09 508904.61</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10037"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.d01a914c-d5be-485a-9187-df42811e7616"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_PunktAdresowy gml:id="PL.PZGIK.200.afbc9ca9-d38f-4c45-841d-cd94cdff5a1c">
      <prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>afbc9ca9-d38f-4c45-841d-cd94cdff5a1c</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2024-03-19T09:15:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
      <prg-ad:cyklZycia><bt:BT_CyklZyciaInfo><bt:poczatekWersjiObiektu>2024-03-19T09:15:00+01:00</bt:poczatekWersjiObiektu></bt:BT_CyklZyciaInfo></prg-ad:cyklZycia>
      <prg-ad:waznyOd>2012-09-01</prg-ad:waznyOd>
      <prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łódzkie</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>łaski</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:jednostkaAdmnistracyjna>Buczek</prg-ad:jednostkaAdmnistracyjna>
      <prg-ad:miejscowosc>Buczek</prg-ad:miejscowosc>
      <prg-ad:czescMiejscowosci/>
      <prg-ad:ulica>Rumiankowa</prg-ad:ulica>
      <prg-ad:numerPorzadkowy>2</prg-ad:numerPorzadkowy>
      <prg-ad:kodPocztowy>98-113</prg-ad:kodPocztowy>
      <prg-ad:status>istniejacy</prg-ad:status>
      <prg-ad:pozycja><gml:Point gml:id="P229" srsName="urn:ogc:def:crs:EPSG::2180"><gml:pos>412758.28 509298.81</gml:pos></gml:Point></prg-ad:pozycja>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.1003022"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.SIMC.0720013"/>
      <prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200.ULIC.10148"/>
      <prg-ad:obiektEMUiA xlink:href="http://geoportal.gov.pl/PZGIK/dane/EMUiA.afbc9ca9-d38f-4c45-841d-cd94cdff5a1c"/>
    </prg-ad:PRG_PunktAdresowy>
    <prg-ad:PRG_JednostkaAdministracyjnaNazwa gml:id="PL.PZGIK.200.10"><prg-ad:nazwa>łódzkie</prg-ad:nazwa><prg-ad:idTERYT>10</prg-ad:idTERYT><prg-ad:poziom>2poziom</prg-ad:poziom></prg-ad:PRG_JednostkaAdministracyjnaNazwa>
    <prg-ad:PRG_JednostkaAdministracyjnaNazwa gml:id="PL.PZGIK.200.1003"><prg-ad:nazwa>łaski</prg-ad:nazwa><prg-ad:idTERYT>1003</prg-ad:idTERYT><prg-ad:poziom>3poziom</prg-ad:poziom></prg-ad:PRG_JednostkaAdministracyjnaNazwa>
    <prg-ad:PRG_JednostkaAdministracyjnaNazwa gml:id="PL.PZGIK.200.1003022"><prg-ad:nazwa>Buczek</prg-ad:nazwa><prg-ad:idTERYT>1003022</prg-ad:idTERYT><prg-ad:poziom>4poziom</prg-ad:poziom></prg-ad:PRG_JednostkaAdministracyjnaNazwa>
    <prg-ad:PRG_MiejscowoscNazwa gml:id="PL.PZGIK.200.SIMC.0720013"><prg-ad:nazwa>Buczek</prg-ad:nazwa><prg-ad:idTERYT>0720013</prg-ad:idTERYT></prg-ad:PRG_MiejscowoscNazwa>
    <prg-ad:PRG_MiejscowoscNazwa gml:id="PL.PZGIK.200.SIMC.0720026"><prg-ad:nazwa>Bachorza</prg-ad:nazwa><prg-ad:idTERYT>0720026</prg-ad:idTERYT></prg-ad:PRG_MiejscowoscNazwa>
    <prg-ad:PRG_MiejscowoscNazwa gml:id="PL.PZGIK.200.SIMC.0720039"><prg-ad:nazwa>Bilew</prg-ad:nazwa><prg-ad:idTERYT>0720039</prg-ad:idTERYT></prg-ad:PRG_MiejscowoscNazwa>
    <prg-ad:PRG_UlicaNazwa gml:id="PL.PZGIK.200.ULIC.10000"><prg-ad:nazwa>Kościuszki</prg-ad:nazwa><prg-ad:idTERYT>10000</prg-ad:idTERYT><mua:przedrostek1Czesc>ul.</mua:przedrostek1Czesc><mua:nazwaGlownaCzesc>Kościuszki</mua:nazwaGlownaCzesc></prg-ad:PRG_UlicaNazwa>
    <prg-ad:PRG_UlicaNazwa gml:id="PL.PZGIK.200.ULIC.10037"><prg-ad:nazwa>Sienkiewicza</prg-ad:nazwa><prg-ad:idTERYT>10037</prg-ad:idTERYT><mua:przedrostek1Czesc>ul.</mua:przedrostek1Czesc><mua:nazwaGlownaCzesc>Sienkiewicza</mua:nazwaGlownaCzesc></prg-ad:PRG_UlicaNazwa>
    <prg-ad:PRG_UlicaNazwa gml:id="PL.PZGIK.200.ULIC.10074"><prg-ad:nazwa>Piłsudskiego</prg-ad:nazwa><prg-ad:idTERYT>10074</prg-ad:idTERYT><mua:przedrostek1Czesc>ul.</mua:przedrostek1Czesc><mua:nazwaGlownaCzesc>Piłsudskiego</mua:nazwaGlownaCzesc></prg-ad:PRG_UlicaNazwa>
    <prg-ad:PRG_UlicaNazwa gml:id="PL.PZGIK.200.ULIC.10111"><prg-ad:nazwa>1 Maja</prg-ad:nazwa><prg-ad:idTERYT>10111</prg-ad:idTERYT><mua:przedrostek1Czesc>ul.</mua:przedrostek1Czesc><mua:nazwaGlownaCzesc>1 Maja</mua:nazwaGlownaCzesc></prg-ad:PRG_UlicaNazwa>
    <prg-ad:PRG_UlicaNazwa gml:id="PL.PZGIK.200.ULIC.10148"><prg-ad:nazwa>Rumiankowa</prg-ad:nazwa><prg-ad:idTERYT>10148</prg-ad:idTERYT><mua:przedrostek1Czesc>ul.</mua:przedrostek1Czesc><mua:nazwaGlownaCzesc>Rumiankowa</mua:nazwaGlownaCzesc></prg-ad:PRG_UlicaNazwa>
  </gml:featureMembers>
</gml:FeatureCollection>
