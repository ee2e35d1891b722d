<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>EnvDeck::AboutDialog</name>
    <message>
        <source>About EnvDeck</source>
        <translation>Über EnvDeck</translation>
    </message>
    <message>
        <source>EnvDeck logo</source>
        <translation>EnvDeck-Logo</translation>
    </message>
    <message>
        <source>EnvDeck %1</source>
        <translation>EnvDeck %1</translation>
    </message>
    <message>
        <source>See, validate and promote the environments of a Terraform repository kept in Git.</source>
        <translation>Umgebungen eines in Git verwalteten Terraform-Repositorys einsehen, prüfen und hochstufen.</translation>
    </message>
    <message>
        <source>Library versions</source>
        <translation>Bibliotheksversionen</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>libgit2:</source>
        <translation>libgit2:</translation>
    </message>
    <message>
        <source>yaml-cpp:</source>
        <translation>yaml-cpp:</translation>
    </message>
    <message>
        <source>spdlog:</source>
        <translation>spdlog:</translation>
    </message>
    <message>
        <source>EnvDeck is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version (GPL-3.0-or-later). It comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>EnvDeck ist freie Software: Sie können es unter den Bedingungen der GNU General Public License, wie von der Free Software Foundation veröffentlicht, weitergeben und/oder verändern, entweder gemäß Version 3 der Lizenz oder (nach Ihrer Wahl) jeder späteren Version (GPL-3.0-or-later). Es wird OHNE JEGLICHE GEWÄHRLEISTUNG bereitgestellt.</translation>
    </message>
</context>
<context>
    <name>EnvDeck::AddModuleDialog</name>
    <message>
        <source>Add Module</source>
        <translation>Modul hinzufügen</translation>
    </message>
    <message>
        <source>Filter building blocks</source>
        <translation>Bausteine filtern</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <source>Inputs (HCL expressions; * required):</source>
        <translation>Eingaben (HCL-Ausdrücke; * erforderlich):</translation>
    </message>
    <message>
        <source>The variables of remote modules are not known: add inputs after adding the module.</source>
        <translation>Die Variablen entfernter Module sind nicht bekannt: Fügen Sie Eingaben hinzu, nachdem Sie das Modul hinzugefügt haben.</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>Typ: %1</translation>
    </message>
    <message>
        <source>Choose a building block.</source>
        <translation>Wählen Sie einen Baustein aus.</translation>
    </message>
    <message>
        <source>Name the module.</source>
        <translation>Geben Sie dem Modul einen Namen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid name: use a letter or _ followed by letters, digits, _ and -.</source>
        <translation>„%1“ ist kein gültiger Name: Verwenden Sie einen Buchstaben oder _, gefolgt von Buchstaben, Ziffern, _ und -.</translation>
    </message>
    <message>
        <source>There is already a module &quot;%1&quot;.</source>
        <translation>Es gibt bereits ein Modul „%1“.</translation>
    </message>
    <message>
        <source>Required: %1.</source>
        <translation>Erforderlich: %1.</translation>
    </message>
</context>
<context>
    <name>EnvDeck::BranchName</name>
    <message>
        <source>Enter a name for the new branch.</source>
        <translation>Geben Sie einen Namen für den neuen Branch ein.</translation>
    </message>
    <message>
        <source>A branch name cannot contain spaces.</source>
        <translation>Ein Branch-Name darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>A branch name cannot contain control characters.</source>
        <translation>Ein Branch-Name darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>A branch name cannot contain %1.</source>
        <translation>Ein Branch-Name darf %1 nicht enthalten.</translation>
    </message>
    <message>
        <source>%1 is reserved by Git.</source>
        <translation>%1 ist von Git reserviert.</translation>
    </message>
    <message>
        <source>A branch name cannot start with %1.</source>
        <translation>Ein Branch-Name darf nicht mit %1 beginnen.</translation>
    </message>
    <message>
        <source>A branch name cannot start or end with %1 or contain %2.</source>
        <translation>Ein Branch-Name darf nicht mit %1 beginnen oder enden und %2 nicht enthalten.</translation>
    </message>
    <message>
        <source>A branch name cannot end with %1.</source>
        <translation>Ein Branch-Name darf nicht mit %1 enden.</translation>
    </message>
    <message>
        <source>No part of a branch name can start with %1.</source>
        <translation>Kein Teil eines Branch-Namens darf mit %1 beginnen.</translation>
    </message>
    <message>
        <source>No part of a branch name can end with %1.</source>
        <translation>Kein Teil eines Branch-Namens darf mit %1 enden.</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Change::Publisher</name>
    <message>
        <source>A merge is in progress in %1: finish or abort it first; nothing was committed</source>
        <translation>In %1 läuft ein Merge: Schließen Sie ihn zuerst ab oder brechen Sie ihn ab; es wurde nichts committet</translation>
    </message>
    <message>
        <source>A rebase is in progress in %1: finish or abort it first; nothing was committed</source>
        <translation>In %1 läuft ein Rebase: Schließen Sie ihn zuerst ab oder brechen Sie ihn ab; es wurde nichts committet</translation>
    </message>
    <message>
        <source>Another git operation (cherry-pick, revert or bisect) is in progress in %1: finish or abort it first; nothing was committed</source>
        <translation>In %1 läuft eine andere Git-Operation (Cherry-Pick, Revert oder Bisect): Schließen Sie sie zuerst ab oder brechen Sie sie ab; es wurde nichts committet</translation>
    </message>
    <message>
        <source>HEAD is detached in %1: switch to a branch first, so the commit is not lost; nothing was committed</source>
        <translation>HEAD ist in %1 losgelöst: Wechseln Sie zuerst auf einen Branch, damit der Commit nicht verloren geht; es wurde nichts committet</translation>
    </message>
    <message>
        <source>A merge request needs a branch of its own: commit on a new branch, not on its target &quot;%1&quot;; nothing was committed</source>
        <translation>Ein Merge Request braucht einen eigenen Branch: Committen Sie auf einen neuen Branch, nicht auf den Ziel-Branch „%1“; es wurde nichts committet</translation>
    </message>
    <message>
        <source>Branch &quot;%1&quot; exists already: choose another name; nothing was committed</source>
        <translation>Branch „%1“ existiert bereits: Wählen Sie einen anderen Namen; es wurde nichts committet</translation>
    </message>
    <message>
        <source>There are no changed files to commit</source>
        <translation>Es gibt keine geänderten Dateien zum Committen</translation>
    </message>
    <message numerus="yes">
        <source>Committing %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird committet…</numerusform>
            <numerusform>%n Dateien werden committet…</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no remote &quot;%1&quot; to push to: the commit %2 stays on branch &quot;%3&quot;</source>
        <translation>Es gibt kein Remote „%1“, zu dem gepusht werden kann: Der Commit %2 bleibt auf Branch „%3“</translation>
    </message>
    <message>
        <source>Fetching %1 and replaying the commit…</source>
        <translation>%1 wird abgerufen und der Commit erneut angewendet…</translation>
    </message>
    <message>
        <source>Pushing %1 to %2…</source>
        <translation>%1 wird nach %2 gepusht…</translation>
    </message>
    <message>
        <source>The remote refused the push: %1. Your commit %2 is safe on branch &quot;%3&quot;.</source>
        <translation>Das Remote hat den Push abgelehnt: %1. Ihr Commit %2 ist auf Branch „%3“ sicher.</translation>
    </message>
    <message>
        <source>No forge is configured: add `forge:` to .envdeck.yaml or choose a provider</source>
        <translation>Keine Forge konfiguriert: Fügen Sie `forge:` zu .envdeck.yaml hinzu oder wählen Sie einen Anbieter</translation>
    </message>
    <message>
        <source>Opening the merge request on %1…</source>
        <translation>Merge Request auf %1 wird geöffnet…</translation>
    </message>
    <message>
        <source>The forge answered without a merge request</source>
        <translation>Die Forge hat ohne Merge Request geantwortet</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>A commit identity needs a name and an email address; nothing was committed</source>
        <translation>Eine Commit-Identität braucht einen Namen und eine E-Mail-Adresse; es wurde nichts committet</translation>
    </message>
    <message>
        <source>A commit identity cannot contain &lt; or &gt; or a line break; nothing was committed</source>
        <translation>Eine Commit-Identität darf weder &lt; noch &gt; noch einen Zeilenumbruch enthalten; es wurde nichts committet</translation>
    </message>
</context>
<context>
    <name>EnvDeck::ComponentTableModel</name>
    <message>
        <source>locked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>locked: %1</source>
        <translation>gesperrt: %1</translation>
    </message>
    <message>
        <source>third party</source>
        <translation>Drittanbieter</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Written in</source>
        <translation>Eingetragen in</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Credentials</name>
    <message>
        <source>system keychain</source>
        <translation>System-Schlüsselbund</translation>
    </message>
    <message>
        <source>environment variable</source>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <source>git credential helper</source>
        <translation>Git-Credential-Helper</translation>
    </message>
    <message>
        <source>this session only</source>
        <translation>nur für diese Sitzung</translation>
    </message>
    <message>
        <source>plain file</source>
        <translation>einfache Datei</translation>
    </message>
    <message>
        <source>no entry</source>
        <translation>kein Eintrag</translation>
    </message>
    <message>
        <source>error %1</source>
        <translation>Fehler %1</translation>
    </message>
    <message>
        <source>no D-Bus session</source>
        <translation>keine D-Bus-Sitzung</translation>
    </message>
    <message>
        <source>Cannot read the token file: %1</source>
        <translation>Die Token-Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The token file is not valid JSON (at byte %1)</source>
        <translation>Die Token-Datei ist kein gültiges JSON (bei Byte %1)</translation>
    </message>
    <message>
        <source>Cannot create the folder of the token file</source>
        <translation>Der Ordner der Token-Datei kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot write the token file: %1</source>
        <translation>Die Token-Datei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cannot make the token file private</source>
        <translation>Die Token-Datei kann nicht privat gemacht werden</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Credentials::Account</name>
    <message>
        <source>Unknown token service &quot;%1&quot; (expected one of: %2)</source>
        <translation>Unbekannter Token-Dienst „%1“ (erwartet wird einer von: %2)</translation>
    </message>
    <message>
        <source>Invalid host name &quot;%1&quot; for a %2 token</source>
        <translation>Ungültiger Hostname „%1“ für ein %2-Token</translation>
    </message>
    <message>
        <source>Invalid user name for %1: it contains spaces or line breaks</source>
        <translation>Ungültiger Benutzername für %1: Er enthält Leerzeichen oder Zeilenumbrüche</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Credentials::GitCredentialQuery</name>
    <message>
        <source>git credential fill did not answer within %1 s</source>
        <translation>git credential fill hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <source>git credential fill could not start: %1</source>
        <translation>git credential fill konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>git credential fill: git is not installed (not found in PATH)</source>
        <translation>git credential fill: Git ist nicht installiert (nicht im PATH gefunden)</translation>
    </message>
    <message>
        <source>git credential fill: no credential for %1</source>
        <translation>git credential fill: keine Zugangsdaten für %1</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Credentials::PlainTokenFile</name>
    <message>
        <source>Cannot remove the token file</source>
        <translation>Die Token-Datei kann nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Credentials::TokenStore</name>
    <message>
        <source>an earlier call has not been answered yet</source>
        <translation>ein früherer Aufruf wurde noch nicht beantwortet</translation>
    </message>
    <message>
        <source>did not answer within %1 s</source>
        <translation>hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <source>keychain: no token stored</source>
        <translation>Schlüsselbund: kein Token gespeichert</translation>
    </message>
    <message>
        <source>keychain not available: %1</source>
        <translation>Schlüsselbund nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>keychain %1</source>
        <translation>Schlüsselbund %1</translation>
    </message>
    <message>
        <source>keychain skipped: %1</source>
        <translation>Schlüsselbund übersprungen: %1</translation>
    </message>
    <message>
        <source>keychain refused: %1</source>
        <translation>Schlüsselbund hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>environment: %1 not set</source>
        <translation>Umgebung: %1 nicht gesetzt</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>this session: no token entered</source>
        <translation>diese Sitzung: kein Token eingegeben</translation>
    </message>
    <message>
        <source>plain file: not allowed in the settings</source>
        <translation>einfache Datei: in den Einstellungen nicht erlaubt</translation>
    </message>
    <message>
        <source>plain file: no token for this host</source>
        <translation>einfache Datei: kein Token für diesen Host</translation>
    </message>
    <message>
        <source>plain file: %1</source>
        <translation>einfache Datei: %1</translation>
    </message>
    <message>
        <source> Set %1, or enter a token in the settings.</source>
        <translation> Setzen Sie %1 oder geben Sie in den Einstellungen ein Token ein.</translation>
    </message>
    <message>
        <source> Configure a git credential helper, or enter a token in the settings.</source>
        <translation> Richten Sie einen Git-Credential-Helper ein oder geben Sie in den Einstellungen ein Token ein.</translation>
    </message>
    <message>
        <source>No token for %1: %2.</source>
        <translation>Kein Token für %1: %2.</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>The token for %1 is empty</source>
        <translation>Das Token für %1 ist leer</translation>
    </message>
    <message>
        <source>kept for this session only</source>
        <translation>nur für diese Sitzung gespeichert</translation>
    </message>
    <message>
        <source>Keeping tokens in a plain file is turned off; turn it on in the settings first, or keep the token in the keychain</source>
        <translation>Das Speichern von Tokens in einer einfachen Datei ist ausgeschaltet; schalten Sie es zuerst in den Einstellungen ein oder speichern Sie das Token im Schlüsselbund</translation>
    </message>
    <message>
        <source>The token for %1 may still be in the keychain: %2</source>
        <translation>Das Token für %1 ist möglicherweise noch im Schlüsselbund: %2</translation>
    </message>
    <message>
        <source>no token was stored</source>
        <translation>es war kein Token gespeichert</translation>
    </message>
    <message>
        <source>removed from: %1</source>
        <translation>entfernt aus: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>EnvDeck::Diagram</name>
    <message>
        <source>dot&apos;s output cannot be read: %1</source>
        <translation>Die Ausgabe von dot kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>not JSON (%1 at offset %2)</source>
        <translation>kein JSON (%1 bei Offset %2)</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>no bounding box &quot;bb&quot;</source>
        <translation>kein umschließendes Rechteck „bb“</translation>
    </message>
    <message>
        <source>&quot;objects&quot; is not a list</source>
        <translation>„objects“ ist keine Liste</translation>
    </message>
    <message>
        <source>node &quot;%1&quot; is missing</source>
        <translation>Knoten „%1“ fehlt</translation>
    </message>
    <message>
        <source>node &quot;%1&quot; has no position</source>
        <translation>Knoten „%1“ hat keine Position</translation>
    </message>
    <message>
        <source>node &quot;%1&quot; has no size</source>
        <translation>Knoten „%1“ hat keine Größe</translation>
    </message>
    <message>
        <source>cluster &quot;%1&quot; is missing</source>
        <translation>Cluster „%1“ fehlt</translation>
    </message>
    <message>
        <source>&quot;edges&quot; is not a list</source>
        <translation>„edges“ ist keine Liste</translation>
    </message>
    <message>
        <source>edge &quot;%1&quot; has a malformed path</source>
        <translation>Kante „%1“ hat einen fehlerhaften Pfad</translation>
    </message>
    <message>
        <source>edge &quot;%1&quot; is missing</source>
        <translation>Kante „%1“ fehlt</translation>
    </message>
    <message>
        <source>Graphviz&apos;s dot was not found (&quot;%1&quot;)</source>
        <translation>dot aus Graphviz wurde nicht gefunden („%1“)</translation>
    </message>
    <message>
        <source>dot could not start (%1): %2</source>
        <translation>dot konnte nicht gestartet werden (%1): %2</translation>
    </message>
    <message>
        <source>dot took longer than %1 s</source>
        <translation>dot hat länger als %1 s gebraucht</translation>
    </message>
    <message>
        <source>dot crashed: %1</source>
        <translation>dot ist abgestürzt: %1</translation>
    </message>
    <message>
        <source>dot failed with exit code %1: %2</source>
        <translation>dot ist mit Exit-Code %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Graphviz&apos;s dot was not found. Install it with `sudo apt install graphviz`; a simple layout is used meanwhile.</source>
        <translation>dot aus Graphviz wurde nicht gefunden. Installieren Sie es mit `sudo apt install graphviz`; bis dahin wird ein einfaches Layout verwendet.</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Diagram::CompareLegend</name>
    <message>
        <source>Compare legend</source>
        <translation>Legende zum Vergleich</translation>
    </message>
    <message>
        <source>this environment</source>
        <translation>diese Umgebung</translation>
    </message>
    <message>
        <source>the other one</source>
        <translation>die andere</translation>
    </message>
    <message>
        <source>Added: only in %1</source>
        <translation>Hinzugefügt: nur in %1</translation>
    </message>
    <message>
        <source>Removed: only in %1</source>
        <translation>Entfernt: nur in %1</translation>
    </message>
    <message>
        <source>Changed: differs between them</source>
        <translation>Geändert: unterscheidet sich zwischen beiden</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Diagram::DiagramInspector</name>
    <message>
        <source>locked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>entsperrt</translation>
    </message>
    <message>
        <source>Node details</source>
        <translation>Knotendetails</translation>
    </message>
    <message>
        <source>Select a node to see its details.</source>
        <translation>Wählen Sie einen Knoten aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Multiplicity</source>
        <translation>Multiplizität</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <source>Declared at</source>
        <translation>Deklariert in</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Multiplicity:</source>
        <translation>Multiplizität:</translation>
    </message>
    <message>
        <source>Lock:</source>
        <translation>Sperre:</translation>
    </message>
    <message>
        <source>Declared at:</source>
        <translation>Deklariert in:</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <source>Referenced by</source>
        <translation>Referenziert von</translation>
    </message>
    <message>
        <source>Refers to</source>
        <translation>Verweist auf</translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>Show the file where this node is declared</source>
        <translation>Die Datei anzeigen, in der dieser Knoten deklariert ist</translation>
    </message>
    <message>
        <source>&lt;b&gt;Compared&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vergleich&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Unterschied</translation>
    </message>
    <message>
        <source>Ours and theirs</source>
        <translation>Diese und die andere Umgebung</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>Diese Umgebung</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Andere Umgebung</translation>
    </message>
    <message>
        <source>&lt;b&gt;Inputs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Eingaben&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Referenced by&lt;/b&gt;</source>
        <translation>&lt;b&gt;Referenziert von&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Refers to&lt;/b&gt;</source>
        <translation>&lt;b&gt;Verweist auf&lt;/b&gt;</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>single</source>
        <translation>einzeln</translation>
    </message>
    <message>
        <source>not locked</source>
        <translation>nicht gesperrt</translation>
    </message>
    <message>
        <source>locked: %1</source>
        <translation>gesperrt: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Select %1</source>
        <translation>%1 auswählen</translation>
    </message>
    <message>
        <source>Same in %1 and %2.</source>
        <translation>In %1 und %2 gleich.</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Diagram::DiagramPage</name>
    <message>
        <source>Diagram</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>Vergleichen mit:</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <source>Save what the view shows as a PNG image</source>
        <translation>Den Inhalt der Ansicht als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>Save what the view shows as an SVG drawing</source>
        <translation>Den Inhalt der Ansicht als SVG-Zeichnung speichern</translation>
    </message>
    <message>
        <source>Find a node in the diagram</source>
        <translation>Einen Knoten im Diagramm suchen</translation>
    </message>
    <message>
        <source>Laying out…</source>
        <translation>Wird angeordnet…</translation>
    </message>
    <message>
        <source>Laying out the diagram</source>
        <translation>Das Diagramm wird angeordnet</translation>
    </message>
    <message>
        <source>&lt;b&gt;Differences&lt;/b&gt;</source>
        <translation>&lt;b&gt;Unterschiede&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No environment</source>
        <translation>Keine Umgebung</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>Umgebung: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Export Diagram</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>Als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;SVG…</source>
        <translation>Als &amp;SVG exportieren…</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Diagram::DiagramSearchBar</name>
    <message>
        <source>Find a module, release, source or version</source>
        <translation>Modul, Release, Quelle oder Version suchen</translation>
    </message>
    <message>
        <source>Find in diagram</source>
        <translation>Im Diagramm suchen</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabetaste)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabetaste)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Close search</source>
        <translation>Suche schließen</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Diagram::DiagramView</name>
    <message>
        <source>Environment diagram</source>
        <translation>Umgebungsdiagramm</translation>
    </message>
    <message>
        <source>Fit to &amp;Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Diagram::DifferencesList</name>
    <message>
        <source>Differences</source>
        <translation>Unterschiede</translation>
    </message>
    <message>
        <source>Differs in: %1</source>
        <translation>Unterscheidet sich in: %1</translation>
    </message>
    <message>
        <source>%1 and %2 have the same diagram.</source>
        <translation>%1 und %2 haben dasselbe Diagramm.</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Diagram::OverviewWidget</name>
    <message>
        <source>Diagram overview</source>
        <translation>Diagrammübersicht</translation>
    </message>
    <message>
        <source>The whole diagram: click or drag to move the view</source>
        <translation>Das gesamte Diagramm: Klicken oder ziehen Sie, um die Ansicht zu verschieben</translation>
    </message>
</context>
<context>
    <name>EnvDeck::DiagramEditor</name>
    <message>
        <source>Add Module…</source>
        <translation>Modul hinzufügen…</translation>
    </message>
    <message>
        <source>Remove Module</source>
        <translation>Modul entfernen</translation>
    </message>
    <message>
        <source>Change Source…</source>
        <translation>Quelle ändern…</translation>
    </message>
    <message>
        <source>Change Version…</source>
        <translation>Version ändern…</translation>
    </message>
    <message>
        <source>Connect Input…</source>
        <translation>Eingabe verbinden…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Cannot edit the diagram</source>
        <translation>Das Diagramm kann nicht bearbeitet werden</translation>
    </message>
    <message>
        <source>No repository is open</source>
        <translation>Es ist kein Repository geöffnet</translation>
    </message>
    <message>
        <source>Add module %1</source>
        <translation>Modul %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove module %1</source>
        <translation>Modul %1 entfernen</translation>
    </message>
    <message>
        <source>Rename module %1 to %2</source>
        <translation>Modul %1 in %2 umbenennen</translation>
    </message>
    <message>
        <source>Change source of module %1</source>
        <translation>Quelle von Modul %1 ändern</translation>
    </message>
    <message>
        <source>Change version of module %1</source>
        <translation>Version von Modul %1 ändern</translation>
    </message>
    <message>
        <source>Connect %1.%2 to module.%3.%4</source>
        <translation>%1.%2 mit module.%3.%4 verbinden</translation>
    </message>
    <message>
        <source>Cannot remove module %1</source>
        <translation>Modul %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Remove module &quot;%1&quot; from %2?</source>
        <translation>Modul „%1“ aus %2 entfernen?</translation>
    </message>
    <message>
        <source>These still refer to it and will not be valid until you change them:</source>
        <translation>Diese Stellen verweisen noch darauf und sind ungültig, bis Sie sie ändern:</translation>
    </message>
    <message>
        <source>Change Source</source>
        <translation>Quelle ändern</translation>
    </message>
    <message>
        <source>Source of module &quot;%1&quot;:</source>
        <translation>Quelle von Modul „%1“:</translation>
    </message>
    <message>
        <source>Change Version</source>
        <translation>Version ändern</translation>
    </message>
    <message>
        <source>Version of module &quot;%1&quot;:</source>
        <translation>Version von Modul „%1“:</translation>
    </message>
    <message>
        <source>Rename Module</source>
        <translation>Modul umbenennen</translation>
    </message>
    <message>
        <source>New name of module &quot;%1&quot;:</source>
        <translation>Neuer Name für Modul „%1“:</translation>
    </message>
    <message>
        <source>Connect Input</source>
        <translation>Eingabe verbinden</translation>
    </message>
    <message>
        <source>Input of module &quot;%1&quot;:</source>
        <translation>Eingabe von Modul „%1“:</translation>
    </message>
    <message>
        <source>Take &quot;%1&quot; from (module.name.output):</source>
        <translation>„%1“ übernehmen aus (module.name.output):</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a module output: write module.&lt;name&gt;.&lt;output&gt;</source>
        <translation>„%1“ ist keine Modulausgabe: Schreiben Sie module.&lt;name&gt;.&lt;output&gt;</translation>
    </message>
</context>
<context>
    <name>EnvDeck::DiffView</name>
    <message>
        <source>Changes of the selected file</source>
        <translation>Änderungen der ausgewählten Datei</translation>
    </message>
</context>
<context>
    <name>EnvDeck::EnvironmentDelegate</name>
    <message>
        <source>1 problem</source>
        <translation>1 Problem</translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>No commits yet</source>
        <translation>Noch keine Commits</translation>
    </message>
    <message>
        <source>approval %1 is stale</source>
        <translation>Freigabe %1 ist veraltet</translation>
    </message>
    <message>
        <source>approved: %1</source>
        <translation>freigegeben: %1</translation>
    </message>
</context>
<context>
    <name>EnvDeck::EnvironmentListModel</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1
%2 by %3</source>
        <translation>%1
%2 von %3</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Komponenten</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
</context>
<context>
    <name>EnvDeck::EnvironmentOverview</name>
    <message>
        <source>Select an environment to see its components.</source>
        <translation>Wählen Sie eine Umgebung aus, um ihre Komponenten zu sehen.</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>Pfad:</translation>
    </message>
    <message>
        <source>Promotes from:</source>
        <translation>Hochstufung aus:</translation>
    </message>
    <message>
        <source>Based on:</source>
        <translation>Basiert auf:</translation>
    </message>
    <message>
        <source>Terraform:</source>
        <translation>Terraform:</translation>
    </message>
    <message>
        <source>Versions file:</source>
        <translation>Versionsdatei:</translation>
    </message>
    <message>
        <source>Found by:</source>
        <translation>Erkannt über:</translation>
    </message>
    <message>
        <source>Last change:</source>
        <translation>Letzte Änderung:</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Komponenten</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>%1 in 1 file</source>
        <translation>%1 in 1 Datei</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n files</source>
        <translation>
            <numerusform>%1 in %n Datei</numerusform>
            <numerusform>%1 in %n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <source>%1
%2 &lt;%3&gt;
%4</source>
        <translation>%1
%2 &lt;%3&gt;
%4</translation>
    </message>
    <message>
        <source>No commit has changed this environment yet</source>
        <translation>Noch kein Commit hat diese Umgebung geändert</translation>
    </message>
    <message>
        <source>Components (%1, %2)</source>
        <translation>Komponenten (%1, %2)</translation>
    </message>
    <message>
        <source>Components (%1)</source>
        <translation>Komponenten (%1)</translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 Problem</translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnvDeck::EnvironmentPanel</name>
    <message>
        <source>Last change: %1&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;&lt;br&gt;%3, %4</source>
        <translation>Letzte Änderung: %1&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;&lt;br&gt;%3, %4</translation>
    </message>
    <message>
        <source>last changed by %1</source>
        <translation>zuletzt geändert von %1</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>Umgebungen</translation>
    </message>
    <message>
        <source>Filter by name, path or tier</source>
        <translation>Nach Name, Pfad oder Stufe filtern</translation>
    </message>
    <message>
        <source>Filter environments</source>
        <translation>Umgebungen filtern</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>No environments found. EnvDeck looks for an .envdeck.yaml file at the repository root, Terraform root modules or Terragrunt trees under environments/, envs/, live/, stacks/ or deployments/, a .tfvars file per environment, and workspaces named in code.</source>
        <translation>Keine Umgebungen gefunden. EnvDeck sucht nach einer Datei .envdeck.yaml im Stammverzeichnis des Repositorys, nach Terraform-Root-Modulen oder Terragrunt-Bäumen unter environments/, envs/, live/, stacks/ oder deployments/, nach einer .tfvars-Datei pro Umgebung und nach im Code genannten Workspaces.</translation>
    </message>
    <message>
        <source>No environment matches “%1”.</source>
        <translation>Keine Umgebung passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>EnvDeck::ErrorPage</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Open Another…</source>
        <translation>Anderes öffnen…</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Location: %1</source>
        <translation>Speicherort: %1</translation>
    </message>
</context>
<context>
    <name>EnvDeck::FileViewerDialog</name>
    <message>
        <source>%1 — line %2</source>
        <translation>%1 — Zeile %2</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Forge::HttpForgeJob</name>
    <message>
        <source>Waiting %1 s: %2 asked to slow down (429)</source>
        <translation>%1 s warten: %2 hat um weniger Anfragen gebeten (429)</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Forge::LocalJob</name>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Forge::MergeRequestListModel</name>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>gemergt</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>%1
by %2</source>
        <translation>%1
von %2</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>Branches</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Formatting</name>
    <message>
        <source>today at %1</source>
        <translation>heute um %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>a minute ago</source>
        <translation>vor einer Minute</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>an hour ago</source>
        <translation>vor einer Stunde</translation>
    </message>
    <message numerus="yes">
        <source>%n hours ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n weeks ago</source>
        <translation>
            <numerusform>vor %n Woche</numerusform>
            <numerusform>vor %n Wochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n months ago</source>
        <translation>
            <numerusform>vor %n Monat</numerusform>
            <numerusform>vor %n Monaten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>author · relative time</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>dev</source>
        <translation>Dev</translation>
    </message>
    <message>
        <source>staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>unknown tier</source>
        <translation>unbekannte Stufe</translation>
    </message>
    <message>
        <source>1 module</source>
        <translation>1 Modul</translation>
    </message>
    <message numerus="yes">
        <source>%n modules</source>
        <translation>
            <numerusform>%n Modul</numerusform>
            <numerusform>%n Module</numerusform>
        </translation>
    </message>
    <message>
        <source>1 component</source>
        <translation>1 Komponente</translation>
    </message>
    <message numerus="yes">
        <source>%n components</source>
        <translation>
            <numerusform>%n Komponente</numerusform>
            <numerusform>%n Komponenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n locked</source>
        <translation>
            <numerusform>%n gesperrt</numerusform>
            <numerusform>%n gesperrt</numerusform>
        </translation>
    </message>
    <message>
        <source>1 environment</source>
        <translation>1 Umgebung</translation>
    </message>
    <message numerus="yes">
        <source>%n environments</source>
        <translation>
            <numerusform>%n Umgebung</numerusform>
            <numerusform>%n Umgebungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnvDeck::LoadingPage</name>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
</context>
<context>
    <name>EnvDeck::MainWindow</name>
    <message>
        <source>&amp;Open Repository…</source>
        <translation>&amp;Repository öffnen…</translation>
    </message>
    <message>
        <source>Open a local clone of a Terraform repository</source>
        <translation>Einen lokalen Klon eines Terraform-Repositorys öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Demo Repository</source>
        <translation>&amp;Demo-Repository öffnen</translation>
    </message>
    <message>
        <source>Create a demo repository on this computer and open it</source>
        <translation>Ein Demo-Repository auf diesem Computer anlegen und öffnen</translation>
    </message>
    <message>
        <source>Read the repository from disk again</source>
        <translation>Das Repository erneut von der Festplatte einlesen</translation>
    </message>
    <message>
        <source>&amp;Close Repository</source>
        <translation>Repository &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Environments Panel</source>
        <translation>&amp;Umgebungsbereich</translation>
    </message>
    <message>
        <source>&amp;Filter Environments</source>
        <translation>Umgebungen &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;About EnvDeck</source>
        <translation>&amp;Über EnvDeck</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Open Repository</source>
        <translation>Repository öffnen</translation>
    </message>
    <message>
        <source>Preparing the demo repository…</source>
        <translation>Demo-Repository wird vorbereitet…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Loaded 1 environment in %1</source>
        <translation>1 Umgebung in %1 geladen</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n environments in %1</source>
        <translation>
            <numerusform>%n Umgebung in %1 geladen</numerusform>
            <numerusform>%n Umgebungen in %1 geladen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot create the demo repository</source>
        <translation>Das Demo-Repository kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>The demo is generated in this folder, which must be empty or hold an earlier demo repository.</source>
        <translation>Die Demo wird in diesem Ordner erzeugt. Er muss leer sein oder ein früheres Demo-Repository enthalten.</translation>
    </message>
    <message>
        <source>Cannot open this repository</source>
        <translation>Dieses Repository kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>EnvDeck opens local clones of Git repositories. Choose the folder you cloned into, or open the demo to look around.</source>
        <translation>EnvDeck öffnet lokale Klone von Git-Repositorys. Wählen Sie den Ordner, in den Sie geklont haben, oder öffnen Sie die Demo, um sich umzusehen.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>EnvDeck</source>
        <translation>EnvDeck</translation>
    </message>
    <message>
        <source>%1 — EnvDeck</source>
        <translation>%1 — EnvDeck</translation>
    </message>
    <message>
        <source>Preparing the demo repository in %1…</source>
        <translation>Demo-Repository wird in %1 vorbereitet…</translation>
    </message>
    <message>
        <source>detached HEAD</source>
        <translation>losgelöster HEAD</translation>
    </message>
    <message>
        <source>%1 @ %2</source>
        <translation>%1 @ %2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Merge Requests</source>
        <translation>Merge Requests</translation>
    </message>
    <message>
        <source>Validating before the review…</source>
        <translation>Wird vor der Durchsicht geprüft…</translation>
    </message>
    <message>
        <source>Review &amp; Commit</source>
        <translation>Durchsicht &amp; Commit</translation>
    </message>
    <message>
        <source>Review &amp;&amp; &amp;Commit…</source>
        <translation>Durchsicht &amp;&amp; &amp;Commit…</translation>
    </message>
    <message>
        <source>Commit the files EnvDeck changed, push them and open a merge request</source>
        <translation>Die von EnvDeck geänderten Dateien committen, pushen und einen Merge Request öffnen</translation>
    </message>
    <message>
        <source>&amp;Git</source>
        <translation>&amp;Git</translation>
    </message>
    <message>
        <source>&amp;Merge Requests Panel</source>
        <translation>&amp;Merge-Request-Bereich</translation>
    </message>
    <message>
        <source>Re&amp;fresh Merge Requests</source>
        <translation>Merge Requests a&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Pending Changes</source>
        <translation>Ausstehende Änderungen</translation>
    </message>
    <message>
        <source>EnvDeck has not changed any file yet. Edit versions or locks in the Versions tab, or modules in the Diagram tab, and save them (Ctrl+S) first.</source>
        <translation>EnvDeck hat noch keine Datei geändert. Bearbeiten Sie zuerst Versionen oder Sperren im Tab „Versionen“ oder Module im Tab „Diagramm“ und speichern Sie sie (Strg+S).</translation>
    </message>
    <message>
        <source>&amp;Pending Changes</source>
        <translation>&amp;Ausstehende Änderungen</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>EnvDeck was started with --read-only: editing is hidden for this session</source>
        <translation>EnvDeck wurde mit --read-only gestartet: Bearbeiten ist in dieser Sitzung ausgeblendet</translation>
    </message>
    <message>
        <source>Editing is hidden. View ▸ Read-only Mode turns it off.</source>
        <translation>Bearbeiten ist ausgeblendet. Ansicht ▸ Nur-Lesen-Modus schaltet es wieder ein.</translation>
    </message>
    <message>
        <source>&amp;Release</source>
        <translation>&amp;Release</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>&amp;Tastenkürzel…</translation>
    </message>
    <message>
        <source>List every menu command with its shortcut</source>
        <translation>Alle Menübefehle mit ihren Tastenkürzeln anzeigen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Open Merge Request in Browser</source>
        <translation>Merge-Request im &amp;Browser öffnen</translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>&amp;Diagram</source>
        <translation>&amp;Diagramm</translation>
    </message>
    <message>
        <source>&amp;Timelines</source>
        <translation>&amp;Zeitachsen</translation>
    </message>
    <message>
        <source>&amp;Release Timeline</source>
        <translation>&amp;Release-Zeitachse</translation>
    </message>
    <message>
        <source>&amp;Pipeline Runs</source>
        <translation>&amp;Pipeline-Läufe</translation>
    </message>
    <message>
        <source>&amp;Deployments per Week</source>
        <translation>&amp;Bereitstellungen pro Woche</translation>
    </message>
    <message>
        <source>D&amp;ORA Metrics</source>
        <translation>D&amp;ORA-Kennzahlen</translation>
    </message>
</context>
<context>
    <name>EnvDeck::MergeRequestsController</name>
    <message>
        <source>Merge the selected local merge request into its target branch with a merge commit</source>
        <translation>Den ausgewählten lokalen Merge Request mit einem Merge-Commit in seinen Ziel-Branch mergen</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Mergen</translation>
    </message>
    <message>
        <source>The merge gave no result</source>
        <translation>Der Merge hat kein Ergebnis geliefert</translation>
    </message>
    <message>
        <source>Mer&amp;ge</source>
        <translation>Mer&amp;gen</translation>
    </message>
</context>
<context>
    <name>EnvDeck::MergeRequestsPanel</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Ask the forge for the current state (%1)</source>
        <translation>Den aktuellen Stand bei der Forge abfragen (%1)</translation>
    </message>
    <message>
        <source>&amp;Open in Browser</source>
        <translation>Im &amp;Browser öffnen</translation>
    </message>
    <message>
        <source>Open the selected merge request in the browser (Enter)</source>
        <translation>Den ausgewählten Merge Request im Browser öffnen (Eingabetaste)</translation>
    </message>
    <message>
        <source>Merge requests</source>
        <translation>Merge Requests</translation>
    </message>
    <message>
        <source>No merge requests opened from EnvDeck yet</source>
        <translation>Noch keine Merge Requests aus EnvDeck geöffnet</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Refreshed at %1</source>
        <translation>Aktualisiert um %1</translation>
    </message>
    <message>
        <source>Local merge requests have no web page</source>
        <translation>Lokale Merge Requests haben keine Webseite</translation>
    </message>
</context>
<context>
    <name>EnvDeck::PendingChangesPanel</name>
    <message>
        <source>Review &amp;&amp; Commit…</source>
        <translation>Durchsicht &amp;&amp; Commit…</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Put the selected file back as it is on disk (undoable)</source>
        <translation>Die ausgewählte Datei auf ihren Stand auf der Festplatte zurücksetzen (rückgängig machbar)</translation>
    </message>
    <message>
        <source>No pending changes</source>
        <translation>Keine ausstehenden Änderungen</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed</source>
        <translation>
            <numerusform>%n Datei geändert</numerusform>
            <numerusform>%n Dateien geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard changes to %1</source>
        <translation>Änderungen an %1 verwerfen</translation>
    </message>
    <message>
        <source>Changed files</source>
        <translation>Geänderte Dateien</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Pipelines::PipelineJob</name>
    <message>
        <source>Waiting %1 s: the %2 rate limit resets at %3 UTC</source>
        <translation>%1 s warten: Das Ratenlimit von %2 wird um %3 UTC zurückgesetzt</translation>
    </message>
    <message numerus="yes">
        <source>Read %n page(s)</source>
        <translation>
            <numerusform>%n Seite gelesen</numerusform>
            <numerusform>%n Seiten gelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnvDeck::Pipelines::PipelineRefresher</name>
    <message>
        <source>Reading the cached pipeline runs</source>
        <translation>Zwischengespeicherte Pipeline-Läufe werden gelesen</translation>
    </message>
    <message>
        <source>Refresh cancelled</source>
        <translation>Aktualisierung abgebrochen</translation>
    </message>
</context>
<context>
    <name>EnvDeck::ProblemsPanel</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Probleme:</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 Warnung</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 Warnungen</translation>
    </message>
    <message>
        <source>validating…</source>
        <translation>wird geprüft…</translation>
    </message>
</context>
<context>
    <name>EnvDeck::PromotionWizard</name>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
    <message>
        <source>Select &amp;None</source>
        <translation>&amp;Keine auswählen</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>Promoten</translation>
    </message>
    <message>
        <source>&amp;Promote…</source>
        <translation>&amp;Promoten…</translation>
    </message>
    <message>
        <source>From where to where</source>
        <translation>Von wo nach wo</translation>
    </message>
    <message>
        <source>Customer clusters follow their base for the components they share; their own services keep their versions.</source>
        <translation>Kundencluster folgen ihrer Basis bei den gemeinsamen Komponenten; ihre eigenen Dienste behalten ihre Versionen.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>Target environments</source>
        <translation>Zielumgebungen</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Nach:</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Komponenten</translation>
    </message>
    <message>
        <source>By default every component of the latest valid approval.</source>
        <translation>Standardmäßig jede Komponente der letzten gültigen Freigabe.</translation>
    </message>
    <message>
        <source>Components to promote</source>
        <translation>Zu promotende Komponenten</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>What the promotion changes, and what validation says with it applied. Finish opens the commit and merge request.</source>
        <translation>Was die Promotion ändert und was die Validierung danach meldet. „Promoten“ öffnet Commit und Merge Request.</translation>
    </message>
    <message>
        <source>Only to promote versions QA never approved; recorded in the commit and merge request</source>
        <translation>Nur um Versionen zu promoten, die QA nie freigegeben hat; wird in Commit und Merge Request festgehalten</translation>
    </message>
    <message>
        <source>&amp;Override reason:</source>
        <translation>Grund für die &amp;Ausnahme:</translation>
    </message>
    <message>
        <source>%1 (customer cluster, follows %2)</source>
        <translation>%1 (Kundencluster, folgt %2)</translation>
    </message>
    <message>
        <source>%1 has no QA approval.</source>
        <translation>%1 hat keine QA-Freigabe.</translation>
    </message>
    <message>
        <source>The last approval of %1, %2, is stale: %1 changed since.</source>
        <translation>Die letzte Freigabe von %1, %2, ist veraltet: %1 hat sich seitdem geändert.</translation>
    </message>
    <message>
        <source>Approved by %1: %2.</source>
        <translation>Freigegeben von %1: %2.</translation>
    </message>
    <message>
        <source>%1 %2 (never approved)</source>
        <translation>%1 %2 (nie freigegeben)</translation>
    </message>
    <message>
        <source>Checked: the components of %1&apos;s approval %2.</source>
        <translation>Ausgewählt: die Komponenten der Freigabe %2 von %1.</translation>
    </message>
    <message>
        <source>%1 has no approval: every component is checked.</source>
        <translation>%1 hat keine Freigabe: alle Komponenten sind ausgewählt.</translation>
    </message>
    <message>
        <source>Working out the promotion and validating it…</source>
        <translation>Promotion wird berechnet und validiert…</translation>
    </message>
</context>
<context>
    <name>EnvDeck::PublishController</name>
    <message>
        <source>Token needed</source>
        <translation>Token erforderlich</translation>
    </message>
    <message>
        <source>EnvDeck found no token for %1 in the keychain, the environment or git&apos;s credential helpers.
Paste a personal access token; it is kept in the keychain (or for this session only when there is none):</source>
        <translation>EnvDeck hat für %1 kein Token im Schlüsselbund, in der Umgebung oder in den Credential-Helpern von Git gefunden.
Fügen Sie ein persönliches Zugriffstoken ein; es wird im Schlüsselbund gespeichert (oder nur für diese Sitzung, wenn keiner vorhanden ist):</translation>
    </message>
    <message>
        <source>Review &amp; Commit</source>
        <translation>Durchsicht &amp; Commit</translation>
    </message>
    <message>
        <source>Nothing to commit: the files EnvDeck saved are the same as in the last commit.</source>
        <translation>Nichts zu committen: Die von EnvDeck gespeicherten Dateien sind dieselben wie im letzten Commit.</translation>
    </message>
    <message>
        <source>Validation passed: no errors or warnings</source>
        <translation>Prüfung bestanden: keine Fehler oder Warnungen</translation>
    </message>
    <message numerus="yes">
        <source>Validation: %n error(s)</source>
        <translation>
            <numerusform>Prüfung: %n Fehler</numerusform>
            <numerusform>Prüfung: %n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No token for %1 (%2): set one in the keychain or in %3</source>
        <translation>Kein Token für %1 (%2): Hinterlegen Sie eines im Schlüsselbund oder in %3</translation>
    </message>
    <message>
        <source>Reading credentials…</source>
        <translation>Zugangsdaten werden gelesen…</translation>
    </message>
    <message>
        <source>Commit identity</source>
        <translation>Commit-Identität</translation>
    </message>
    <message>
        <source>Git does not know who you are yet. Commits are recorded under this name and email address (saved in your git configuration, so EnvDeck asks only once).</source>
        <translation>Git kennt Sie noch nicht. Commits werden unter diesem Namen und dieser E-Mail-Adresse gespeichert (in Ihrer Git-Konfiguration, daher fragt EnvDeck nur einmal).</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>Unknown SSH host</source>
        <translation>Unbekannter SSH-Host</translation>
    </message>
    <message>
        <source>The SSH host %1 is not in your known_hosts file.

%2 key fingerprint:
%3

Compare it with the fingerprint your administrator published. Connect anyway?</source>
        <translation>Der SSH-Host %1 steht nicht in Ihrer known_hosts-Datei.

Fingerabdruck des %2-Schlüssels:
%3

Vergleichen Sie ihn mit dem Fingerabdruck, den Ihre Administration veröffentlicht hat. Trotzdem verbinden?</translation>
    </message>
    <message>
        <source>Commits need a name and an email address: nothing was committed.</source>
        <translation>Commits brauchen einen Namen und eine E-Mail-Adresse: Es wurde nichts committet.</translation>
    </message>
</context>
<context>
    <name>EnvDeck::ReadOnlyMode</name>
    <message>
        <source>&amp;Read-only Mode</source>
        <translation>&amp;Nur-Lesen-Modus</translation>
    </message>
    <message>
        <source>Hide every editing action: look at the repository without changing it</source>
        <translation>Alle Bearbeitungsaktionen ausblenden: das Repository ansehen, ohne es zu ändern</translation>
    </message>
    <message>
        <source>Started with --read-only</source>
        <translation>Mit --read-only gestartet</translation>
    </message>
</context>
<context>
    <name>EnvDeck::RecentMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Clear Recent</source>
        <translation>&amp;Liste leeren</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>%1 does not exist any more</source>
        <translation>%1 existiert nicht mehr</translation>
    </message>
    <message>
        <source>No Recent Repositories</source>
        <translation>Keine zuletzt geöffneten Repositorys</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Release::PlanPreview</name>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Version changes</source>
        <translation>Versionsänderungen</translation>
    </message>
    <message>
        <source>Validation with the change applied:</source>
        <translation>Validierung mit der Änderung:</translation>
    </message>
    <message>
        <source>Validation findings</source>
        <translation>Validierungsbefunde</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n version change(s).</source>
        <translation>
            <numerusform>%1: %n Versionsänderung.</numerusform>
            <numerusform>%1: %n Versionsänderungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Versions from %1.</source>
        <translation>Versionen aus %1.</translation>
    </message>
    <message>
        <source>(not there)</source>
        <translation>(nicht vorhanden)</translation>
    </message>
    <message>
        <source> (never approved)</source>
        <translation> (nie freigegeben)</translation>
    </message>
    <message>
        <source>%1 follows its base for the components they share</source>
        <translation>%1 folgt seiner Basis bei den gemeinsamen Komponenten</translation>
    </message>
    <message>
        <source>No new errors or warnings.</source>
        <translation>Keine neuen Fehler oder Warnungen.</translation>
    </message>
</context>
<context>
    <name>EnvDeck::ReleaseController</name>
    <message>
        <source>&amp;QA Review…</source>
        <translation>&amp;QA-Prüfung…</translation>
    </message>
    <message>
        <source>Review what staging runs against its last approval, then approve or reject it</source>
        <translation>Prüfen, was Staging gegenüber der letzten Freigabe ausführt, und freigeben oder ablehnen</translation>
    </message>
    <message>
        <source>&amp;Promote…</source>
        <translation>&amp;Promoten…</translation>
    </message>
    <message>
        <source>Promote the approved versions of staging to production and customer clusters</source>
        <translation>Die freigegebenen Versionen von Staging in Produktion und Kundencluster promoten</translation>
    </message>
    <message>
        <source>Roll &amp;Back…</source>
        <translation>&amp;Zurückrollen…</translation>
    </message>
    <message>
        <source>Set an environment back to an earlier approval or revision</source>
        <translation>Eine Umgebung auf eine frühere Freigabe oder Revision zurücksetzen</translation>
    </message>
    <message>
        <source>EnvDeck has changes that are not committed yet. Commit them (Git ▸ Review &amp; Commit) or discard them first, so the %1 holds nothing else.</source>
        <translation>EnvDeck hat noch nicht committete Änderungen. Committen Sie sie (Git ▸ Durchsicht &amp; Commit) oder verwerfen Sie sie zuerst, damit der Vorgang (%1) nichts anderes enthält.</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>Promoten</translation>
    </message>
    <message>
        <source>No environment in .envdeck.yaml has `promotes_from`, so there is nothing to promote to.</source>
        <translation>Keine Umgebung in .envdeck.yaml hat `promotes_from`, es gibt also kein Ziel für eine Promotion.</translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation>Rollback</translation>
    </message>
    <message>
        <source>Nothing committed</source>
        <translation>Nichts committet</translation>
    </message>
</context>
<context>
    <name>EnvDeck::RepositoryPage</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Terraform</source>
        <translation>Terraform</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>Timelines</source>
        <translation>Zeitachsen</translation>
    </message>
    <message>
        <source>Environment views</source>
        <translation>Umgebungsansichten</translation>
    </message>
</context>
<context>
    <name>EnvDeck::ReviewCommitDialog</name>
    <message>
        <source>modified</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>Review and Commit</source>
        <translation>Durchsicht und Commit</translation>
    </message>
    <message>
        <source>&amp;Commit</source>
        <translation>&amp;Committen</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Commit (%1)</source>
        <translation>Committen (%1)</translation>
    </message>
    <message>
        <source>Version changes</source>
        <translation>Versionsänderungen</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Lock change</source>
        <translation>Sperränderung</translation>
    </message>
    <message>
        <source>&amp;Version changes:</source>
        <translation>&amp;Versionsänderungen:</translation>
    </message>
    <message>
        <source>Changed files</source>
        <translation>Geänderte Dateien</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>file status: path</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 lines added, %2 removed</source>
        <translation>%1 Zeilen hinzugefügt, %2 entfernt</translation>
    </message>
    <message>
        <source>Changed &amp;file:</source>
        <translation>&amp;Geänderte Datei:</translation>
    </message>
    <message>
        <source>Changed &amp;files (%1):</source>
        <translation>&amp;Geänderte Dateien (%1):</translation>
    </message>
    <message>
        <source>&amp;Diff:</source>
        <translation>&amp;Diff:</translation>
    </message>
    <message>
        <source>Commit on</source>
        <translation>Committen auf</translation>
    </message>
    <message>
        <source>C&amp;urrent branch</source>
        <translation>Akt&amp;ueller Branch</translation>
    </message>
    <message>
        <source>C&amp;urrent branch: %1</source>
        <translation>Akt&amp;ueller Branch: %1</translation>
    </message>
    <message>
        <source>&amp;New branch:</source>
        <translation>&amp;Neuer Branch:</translation>
    </message>
    <message>
        <source>New branch name</source>
        <translation>Name des neuen Branches</translation>
    </message>
    <message>
        <source>Commit message</source>
        <translation>Commit-Nachricht</translation>
    </message>
    <message>
        <source>&amp;Push to remote</source>
        <translation>Zum Remote &amp;pushen</translation>
    </message>
    <message>
        <source>Open merge &amp;request</source>
        <translation>Merge &amp;Request öffnen</translation>
    </message>
    <message>
        <source>Open merge &amp;request on %1</source>
        <translation>Merge &amp;Request auf %1 öffnen</translation>
    </message>
    <message>
        <source>This repository has no remote to push to.</source>
        <translation>Dieses Repository hat kein Remote, zu dem gepusht werden kann.</translation>
    </message>
    <message>
        <source>A merge request needs the branch on a remote, and this repository has none.</source>
        <translation>Ein Merge Request braucht den Branch auf einem Remote, und dieses Repository hat keins.</translation>
    </message>
    <message>
        <source>No forge is configured for this repository: set &quot;forge&quot; in .envdeck.yaml to open merge requests.</source>
        <translation>Für dieses Repository ist keine Forge konfiguriert: Setzen Sie „forge“ in .envdeck.yaml, um Merge Requests zu öffnen.</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>Nachr&amp;icht:</translation>
    </message>
    <message>
        <source>Select a file to see its changes.</source>
        <translation>Wählen Sie eine Datei aus, um ihre Änderungen zu sehen.</translation>
    </message>
    <message>
        <source>No textual changes in %1.</source>
        <translation>Keine textuellen Änderungen in %1.</translation>
    </message>
    <message>
        <source>%1 is the current branch: choose “Current branch” to commit on it.</source>
        <translation>%1 ist der aktuelle Branch: Wählen Sie „Aktueller Branch“, um darauf zu committen.</translation>
    </message>
    <message>
        <source>Enter a commit message.</source>
        <translation>Geben Sie eine Commit-Nachricht ein.</translation>
    </message>
    <message>
        <source>Committing…</source>
        <translation>Wird committet…</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Fetch and re&amp;base</source>
        <translation>Abrufen und re&amp;basen</translation>
    </message>
    <message>
        <source>Push as ne&amp;w branch</source>
        <translation>Als neuen Branch pu&amp;shen</translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>Wird erneut versucht…</translation>
    </message>
    <message>
        <source>Fetching and rebasing…</source>
        <translation>Abrufen und Rebase…</translation>
    </message>
    <message>
        <source>Pushing to a new branch…</source>
        <translation>Wird auf einen neuen Branch gepusht…</translation>
    </message>
    <message>
        <source>C&amp;opy commit id</source>
        <translation>Commit-ID k&amp;opieren</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Sch&amp;ließen</translation>
    </message>
    <message>
        <source>Committed &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; committet.</translation>
    </message>
    <message>
        <source>Committed &lt;b&gt;%1&lt;/b&gt; on &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; auf &lt;b&gt;%2&lt;/b&gt; committet.</translation>
    </message>
    <message>
        <source>Merge request: %1</source>
        <translation>Merge Request: %1</translation>
    </message>
</context>
<context>
    <name>EnvDeck::RollbackDialog</name>
    <message>
        <source>Roll Back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <source>Sets the environment&apos;s versions back to an earlier QA approval or to what it ran at an earlier commit. Only the components that differ change; nothing else is reverted.</source>
        <translation>Setzt die Versionen der Umgebung auf eine frühere QA-Freigabe oder auf den Stand eines früheren Commits zurück. Nur abweichende Komponenten ändern sich; sonst wird nichts zurückgenommen.</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>To the QA &amp;approval:</source>
        <translation>Zur QA-&amp;Freigabe:</translation>
    </message>
    <message>
        <source>Earlier approval</source>
        <translation>Frühere Freigabe</translation>
    </message>
    <message>
        <source>To the &amp;revision:</source>
        <translation>Zur &amp;Revision:</translation>
    </message>
    <message>
        <source>Earlier revision</source>
        <translation>Frühere Revision</translation>
    </message>
    <message>
        <source>A commit, tag or branch: HEAD~3, v2.4.0, 1a2b3c4d</source>
        <translation>Ein Commit, Tag oder Branch: HEAD~3, v2.4.0, 1a2b3c4d</translation>
    </message>
    <message>
        <source>Roll &amp;Back…</source>
        <translation>&amp;Zurückrollen…</translation>
    </message>
    <message>
        <source>%1 (%2, approved by %3 on %4)</source>
        <translation>%1 (%2, freigegeben von %3 am %4)</translation>
    </message>
    <message>
        <source>Choose an earlier approval, or type a revision.</source>
        <translation>Wählen Sie eine frühere Freigabe oder geben Sie eine Revision ein.</translation>
    </message>
    <message>
        <source>Working out the rollback and validating it…</source>
        <translation>Rollback wird berechnet und validiert…</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Settings::AccountsPage</name>
    <message>
        <source>Forge accounts</source>
        <translation>Forge-Konten</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Whose token it is, for you to tell accounts apart. EnvDeck uses one token per forge address.</source>
        <translation>Wem das Token gehört, damit Sie die Konten unterscheiden können. EnvDeck verwendet ein Token pro Forge-Adresse.</translation>
    </message>
    <message>
        <source>paste a personal access token</source>
        <translation>persönliches Zugriffstoken einfügen</translation>
    </message>
    <message>
        <source>&amp;Save token</source>
        <translation>Token &amp;speichern</translation>
    </message>
    <message>
        <source>Remove t&amp;oken</source>
        <translation>T&amp;oken entfernen</translation>
    </message>
    <message>
        <source>Selected account</source>
        <translation>Ausgewähltes Konto</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Us&amp;er:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>The forges EnvDeck opens merge requests on and reads pipelines from. Tokens are kept in the system keychain, never in the settings.</source>
        <translation>Die Forges, auf denen EnvDeck Merge-Requests öffnet und deren Pipelines es liest. Tokens liegen im System-Schlüsselbund, nie in den Einstellungen.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Account %1: %2</source>
        <translation>Konto %1: %2</translation>
    </message>
    <message>
        <source>Tokens can be set from the main window&apos;s preferences only.</source>
        <translation>Tokens lassen sich nur in den Einstellungen des Hauptfensters setzen.</translation>
    </message>
    <message>
        <source>Looking for a token…</source>
        <translation>Token wird gesucht…</translation>
    </message>
    <message>
        <source>Token stored: %1</source>
        <translation>Token gespeichert: %1</translation>
    </message>
    <message>
        <source>No token stored</source>
        <translation>Kein Token gespeichert</translation>
    </message>
    <message>
        <source>Saving the token…</source>
        <translation>Token wird gespeichert…</translation>
    </message>
    <message>
        <source>Token saved: %1</source>
        <translation>Token gespeichert: %1</translation>
    </message>
    <message>
        <source>The token was not saved: %1</source>
        <translation>Das Token wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Removing the token…</source>
        <translation>Token wird entfernt…</translation>
    </message>
    <message>
        <source>Token removed</source>
        <translation>Token entfernt</translation>
    </message>
    <message>
        <source>The token was not removed: %1</source>
        <translation>Das Token wurde nicht entfernt: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a forge address: give its https:// URL, such as https://gitlab.com</source>
        <translation>„%1“ ist keine Forge-Adresse: Geben Sie ihre https://-URL an, etwa https://gitlab.com</translation>
    </message>
    <message>
        <source>A local forge has no account</source>
        <translation>Eine lokale Forge hat kein Konto</translation>
    </message>
    <message>
        <source>Save the token typed for the selected account (Enter), or clear the field.</source>
        <translation>Speichern Sie das eingegebene Token für das ausgewählte Konto (Eingabetaste) oder leeren Sie das Feld.</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Settings::GeneralPage</name>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>The language takes effect the next time EnvDeck starts.</source>
        <translation>Die Sprache gilt ab dem nächsten Start von EnvDeck.</translation>
    </message>
    <message>
        <source>&amp;Read-only mode: hide every editing action</source>
        <translation>&amp;Nur-Lesen-Modus: alle Bearbeitungsaktionen ausblenden</translation>
    </message>
    <message>
        <source>EnvDeck was started with --read-only: read-only mode stays on for this session.</source>
        <translation>EnvDeck wurde mit --read-only gestartet: Der Nur-Lesen-Modus bleibt für diese Sitzung eingeschaltet.</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Settings::IdentityPage</name>
    <message>
        <source>The author of the commits EnvDeck makes (Review &amp; Commit, QA decisions, promotions). Leave both fields empty to use git&apos;s identity.</source>
        <translation>Der Autor der Commits, die EnvDeck erstellt (Durchsicht &amp; Commit, QA-Entscheidungen, Promotionen). Lassen Sie beide Felder leer, um die Identität von Git zu verwenden.</translation>
    </message>
    <message>
        <source>(git has no name set)</source>
        <translation>(in Git ist kein Name gesetzt)</translation>
    </message>
    <message>
        <source>(git has no email set)</source>
        <translation>(in Git ist keine E-Mail-Adresse gesetzt)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>Commit identity</source>
        <translation>Commit-Identität</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an email address (name@example.com).</source>
        <translation>„%1“ ist keine E-Mail-Adresse (name@example.com).</translation>
    </message>
    <message>
        <source>Give both a name and an email, or leave both empty to use git&apos;s identity.</source>
        <translation>Geben Sie Name und E-Mail-Adresse an, oder lassen Sie beide leer, um die Identität von Git zu verwenden.</translation>
    </message>
    <message>
        <source>A name or email cannot contain &lt; or &gt; or a line break.</source>
        <translation>Name und E-Mail dürfen weder &lt; noch &gt; noch einen Zeilenumbruch enthalten.</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Settings::PipelinesPage</name>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>The repository&apos;s forge</source>
        <translation>Die Forge des Repositorys</translation>
    </message>
    <message>
        <source>&amp;Download catalog indexes</source>
        <translation>Katalog-Indizes &amp;herunterladen</translation>
    </message>
    <message>
        <source>Off: validation uses the cached copies of Helm indexes given by URL and downloads nothing.</source>
        <translation>Aus: Die Validierung verwendet die zwischengespeicherten Kopien der per URL angegebenen Helm-Indizes und lädt nichts herunter.</translation>
    </message>
    <message>
        <source>Catalogs of the open repository</source>
        <translation>Kataloge des geöffneten Repositorys</translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation>Pipelines</translation>
    </message>
    <message>
        <source>Pipeline &amp;provider:</source>
        <translation>Pipeline-&amp;Anbieter:</translation>
    </message>
    <message>
        <source>Catalogs</source>
        <translation>Kataloge</translation>
    </message>
    <message>
        <source>&amp;Where versions come from (catalogs: in .envdeck.yaml):</source>
        <translation>&amp;Woher die Versionen kommen (catalogs: in .envdeck.yaml):</translation>
    </message>
    <message>
        <source>Pipelines &amp; catalogs</source>
        <translation>Pipelines &amp; Kataloge</translation>
    </message>
    <message>
        <source>No repository open</source>
        <translation>Kein Repository geöffnet</translation>
    </message>
    <message>
        <source>The repository&apos;s .envdeck.yaml lists no catalogs.</source>
        <translation>Die .envdeck.yaml des Repositorys nennt keine Kataloge.</translation>
    </message>
    <message>
        <source>Used when .envdeck.yaml has no pipelines: entry, from the next refresh of the Timelines (Ctrl+F5). With None, the Timeline says how to name one.</source>
        <translation>Gilt, wenn .envdeck.yaml keinen Eintrag pipelines: hat, ab der nächsten Aktualisierung der Zeitachsen (Strg+F5). Bei „Keiner“ erklärt die Zeitachse, wie man einen angibt.</translation>
    </message>
    <message>
        <source>Off: validation uses the cached copies of Helm indexes and downloads nothing. From the next reload (F5).</source>
        <translation>Aus: Die Prüfung verwendet die zwischengespeicherten Kopien der Helm-Indizes und lädt nichts herunter. Ab dem nächsten Neuladen (F5).</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Settings::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
</context>
<context>
    <name>EnvDeck::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Filter by menu, action or shortcut</source>
        <translation>Nach Menü, Aktion oder Tastenkürzel filtern</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Tastenkürzel filtern</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>EnvDeck::StagingReviewDialog</name>
    <message>
        <source>%1 has uncommitted changes: commit or discard them first, so the decision is on what was committed.</source>
        <translation>%1 hat nicht committete Änderungen: committen oder verwerfen Sie sie zuerst, damit die Entscheidung den committeten Stand betrifft.</translation>
    </message>
    <message>
        <source>QA Review</source>
        <translation>QA-Prüfung</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>&amp;Components, now against the last approval:</source>
        <translation>&amp;Komponenten, jetzt gegenüber der letzten Freigabe:</translation>
    </message>
    <message>
        <source>Components against the last approval</source>
        <translation>Komponenten gegenüber der letzten Freigabe</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <source>Merge requests</source>
        <translation>Merge Requests</translation>
    </message>
    <message>
        <source>Check&amp;list:</source>
        <translation>Check&amp;liste:</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>C&amp;omment (the reason, when rejecting):</source>
        <translation>K&amp;ommentar (bei Ablehnung der Grund):</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Freigeben…</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;Ablehnen…</translation>
    </message>
    <message>
        <source>Reading %1&apos;s versions, approvals and history…</source>
        <translation>Versionen, Freigaben und Historie von %1 werden gelesen…</translation>
    </message>
    <message>
        <source>%1, approved by %2 on %3</source>
        <translation>%1, freigegeben von %2 am %3</translation>
    </message>
    <message numerus="yes">
        <source>The last approval (%1) is stale: %n component(s) changed since.</source>
        <translation>
            <numerusform>Die letzte Freigabe (%1) ist veraltet: %n Komponente hat sich seitdem geändert.</numerusform>
            <numerusform>Die letzte Freigabe (%1) ist veraltet: %n Komponenten haben sich seitdem geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 runs exactly the approved set (%2).</source>
        <translation>%1 läuft genau mit dem freigegebenen Stand (%2).</translation>
    </message>
    <message numerus="yes">
        <source>%1 has no QA approval yet: all %n component(s) are new to QA.</source>
        <translation>
            <numerusform>%1 hat noch keine QA-Freigabe: die %n Komponente ist neu für QA.</numerusform>
            <numerusform>%1 hat noch keine QA-Freigabe: alle %n Komponenten sind neu für QA.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last decision: %1 rejected by %2: %3</source>
        <translation>Letzte Entscheidung: %1 abgelehnt von %2: %3</translation>
    </message>
    <message>
        <source>Last pipeline of %1: none known (%2).</source>
        <translation>Letzte Pipeline von %1: keine bekannt (%2).</translation>
    </message>
    <message>
        <source>Last pipeline of %1: %2 #%3 %4 on %5, commit %6.</source>
        <translation>Letzte Pipeline von %1: %2 #%3 %4 am %5, Commit %6.</translation>
    </message>
    <message>
        <source>(Demo data, not from a CI server.)</source>
        <translation>(Demodaten, nicht von einem CI-Server.)</translation>
    </message>
    <message>
        <source>(As of %1.)</source>
        <translation>(Stand %1.)</translation>
    </message>
    <message>
        <source>locked: %1</source>
        <translation>gesperrt: %1</translation>
    </message>
    <message>
        <source>%1 (new since the approval)</source>
        <translation>%1 (neu seit der Freigabe)</translation>
    </message>
    <message>
        <source>unlocked since the approval</source>
        <translation>seit der Freigabe entsperrt</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>(neu)</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(entfernt)</translation>
    </message>
    <message>
        <source>Result of &quot;%1&quot;</source>
        <translation>Ergebnis von „%1“</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Passed with remarks</source>
        <translation>Bestanden mit Anmerkungen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Nicht bestanden</translation>
    </message>
    <message>
        <source>Note on &quot;%1&quot;</source>
        <translation>Notiz zu „%1“</translation>
    </message>
    <message>
        <source>Reading the environment…</source>
        <translation>Umgebung wird gelesen…</translation>
    </message>
    <message>
        <source>%1 has no versions to approve.</source>
        <translation>%1 hat keine Versionen zum Freigeben.</translation>
    </message>
    <message>
        <source>These versions are approved already (%1): nothing new to approve.</source>
        <translation>Diese Versionen sind bereits freigegeben (%1): nichts Neues freizugeben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; failed: reject the versions, or change the answer.</source>
        <translation>„%1“ nicht bestanden: lehnen Sie die Versionen ab oder ändern Sie die Antwort.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; passed with remarks: write the remarks in its note.</source>
        <translation>„%1“ bestanden mit Anmerkungen: schreiben Sie die Anmerkungen in die Notiz.</translation>
    </message>
    <message>
        <source>To reject, write the reason in the comment.</source>
        <translation>Zum Ablehnen schreiben Sie den Grund in den Kommentar.</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Terraform::HelmReleaseTableModel</name>
    <message>
        <source>not traced</source>
        <translation>nicht zurückverfolgt</translation>
    </message>
    <message>
        <source>(root module)</source>
        <translation>(Root-Modul)</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Version written in</source>
        <translation>Version eingetragen in</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Terraform::ModuleTableModel</name>
    <message>
        <source>ref %1</source>
        <translation>Ref %1</translation>
    </message>
    <message>
        <source>for_each %1</source>
        <translation>for_each %1</translation>
    </message>
    <message>
        <source>count %1</source>
        <translation>count %1</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Verwendet</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>Written in</source>
        <translation>Eingetragen in</translation>
    </message>
    <message>
        <source>Written in %1</source>
        <translation>Eingetragen in %1</translation>
    </message>
</context>
<context>
    <name>EnvDeck::TerraformView</name>
    <message>
        <source>Modules</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Helm releases</source>
        <translation>Helm-Releases</translation>
    </message>
    <message numerus="yes">
        <source>Modules (%n)</source>
        <translation>
            <numerusform>Module (%n)</numerusform>
            <numerusform>Module (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Helm releases (%n)</source>
        <translation>
            <numerusform>Helm-Releases (%n)</numerusform>
            <numerusform>Helm-Releases (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnvDeck::Theme</name>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Timeline::DeploymentEventModel</name>
    <message>
        <source>Date (UTC)</source>
        <translation>Datum (UTC)</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Merge request</source>
        <translation>Merge Request</translation>
    </message>
    <message>
        <source>deploy</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>add</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>unlock</source>
        <translation>entsperrt</translation>
    </message>
    <message>
        <source>approval</source>
        <translation>Freigabe</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Timeline::DeploymentsPerWeekChart</name>
    <message>
        <source>Deployments per week</source>
        <translation>Bereitstellungen pro Woche</translation>
    </message>
    <message>
        <source>ISO week</source>
        <translation>ISO-Woche</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>Bereitstellungen</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Timeline::Dora</name>
    <message>
        <source>Elite</source>
        <translation>Elite</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Timeline::DoraPanel</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Letzte 365 Tage</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>Component:</source>
        <translation>Komponente:</translation>
    </message>
    <message>
        <source>Deployment frequency</source>
        <translation>Bereitstellungshäufigkeit</translation>
    </message>
    <message>
        <source>Lead time for changes</source>
        <translation>Vorlaufzeit für Änderungen</translation>
    </message>
    <message>
        <source>Change failure rate</source>
        <translation>Änderungsfehlerrate</translation>
    </message>
    <message>
        <source>Time to restore service</source>
        <translation>Zeit bis zur Wiederherstellung des Dienstes</translation>
    </message>
    <message>
        <source>Bands: 2023 Accelerate State of DevOps Report. Production deployments are version changes in production-tier environments.</source>
        <translation>Einstufung: 2023 Accelerate State of DevOps Report. Produktionsbereitstellungen sind Versionsänderungen in Umgebungen der Stufe Produktion.</translation>
    </message>
    <message>
        <source>All production environments</source>
        <translation>Alle Produktionsumgebungen</translation>
    </message>
    <message>
        <source>All components</source>
        <translation>Alle Komponenten</translation>
    </message>
    <message>
        <source>%1 per day</source>
        <translation>%1 pro Tag</translation>
    </message>
    <message>
        <source>%1 per week</source>
        <translation>%1 pro Woche</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 to %2 (UTC)</source>
        <translation>%1 bis %2 (UTC)</translation>
    </message>
    <message>
        <source>Deployments: %1</source>
        <translation>Bereitstellungen: %1</translation>
    </message>
    <message>
        <source>Versions measured from dev: %1</source>
        <translation>Ab Dev gemessene Versionen: %1</translation>
    </message>
    <message>
        <source>Failed runs: %1, rollbacks: %2, deployments: %3</source>
        <translation>Fehlgeschlagene Läufe: %1, Rollbacks: %2, Bereitstellungen: %3</translation>
    </message>
    <message>
        <source>Recoveries measured: %1</source>
        <translation>Gemessene Wiederherstellungen: %1</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Based on</source>
        <translation>Grundlage</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>Beginn des Zeitraums</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Ende des Zeitraums</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Timeline::PipelineRunModel</name>
    <message>
        <source>Started (UTC)</source>
        <translation>Gestartet (UTC)</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Timeline::ReleaseTimelineChart</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 → %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 → %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 added</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 hinzugefügt</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 removed</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 entfernt</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; locked at %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; auf %2 gesperrt</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; unlocked</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; entsperrt</translation>
    </message>
    <message>
        <source>Approval &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Freigabe &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 in &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>%1 in &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Commit %1</source>
        <translation>Commit %1</translation>
    </message>
    <message>
        <source>Author %1</source>
        <translation>Autor %1</translation>
    </message>
    <message>
        <source>Merge request %1</source>
        <translation>Merge Request %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Begründung: %1</translation>
    </message>
    <message>
        <source>&lt;i&gt;Click to show the commit&lt;/i&gt;</source>
        <translation>&lt;i&gt;Klicken Sie, um den Commit anzuzeigen&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Release timeline</source>
        <translation>Release-Zeitachse</translation>
    </message>
    <message>
        <source>Date (UTC)</source>
        <translation>Datum (UTC)</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 in &lt;b&gt;%3&lt;/b&gt;&lt;br/&gt;from %4&lt;br/&gt;to %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 in &lt;b&gt;%3&lt;/b&gt;&lt;br/&gt;von %4&lt;br/&gt;bis %5</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>Changes (commits)</source>
        <translation>Änderungen (Commits)</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Timeline::RunDurationChart</name>
    <message>
        <source>Pipeline run durations</source>
        <translation>Dauer der Pipeline-Läufe</translation>
    </message>
    <message>
        <source>Run start (UTC)</source>
        <translation>Laufbeginn (UTC)</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>Dauer (Minuten)</translation>
    </message>
    <message>
        <source>Success rate per week (%)</source>
        <translation>Erfolgsquote pro Woche (%)</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Canceled / other</source>
        <translation>Abgebrochen / sonstige</translation>
    </message>
    <message numerus="yes">
        <source>Moving median (%n runs)</source>
        <translation>
            <numerusform>Gleitender Median (%n Lauf)</numerusform>
            <numerusform>Gleitender Median (%n Läufe)</numerusform>
        </translation>
    </message>
    <message>
        <source>Success rate per week</source>
        <translation>Erfolgsquote pro Woche</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Timeline::TimelinePage</name>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>Component:</source>
        <translation>Komponente:</translation>
    </message>
    <message>
        <source>Release timeline</source>
        <translation>Release-Zeitachse</translation>
    </message>
    <message>
        <source>Pipeline runs</source>
        <translation>Pipeline-Läufe</translation>
    </message>
    <message>
        <source>Deployments per week</source>
        <translation>Bereitstellungen pro Woche</translation>
    </message>
    <message>
        <source>DORA metrics</source>
        <translation>DORA-Kennzahlen</translation>
    </message>
    <message>
        <source>All environments</source>
        <translation>Alle Umgebungen</translation>
    </message>
    <message>
        <source>All components</source>
        <translation>Alle Komponenten</translation>
    </message>
    <message>
        <source>Unknown chart</source>
        <translation>Unbekanntes Diagramm</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>Export chart data as CSV</source>
        <translation>Diagrammdaten als CSV exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>A lane per environment, production at the top: a band per component version for as long as it ran and a marker per deployment, promotion or rollback</source>
        <translation>Eine Bahn je Umgebung, Produktion oben: ein Band je Komponentenversion, solange sie lief, und eine Markierung je Bereitstellung, Promotion oder Rollback</translation>
    </message>
    <message>
        <source>Pipeline run durations over time: a dot per finished run coloured by its result, the moving median of the durations and the weekly success rate</source>
        <translation>Dauer der Pipeline-Läufe über die Zeit: ein Punkt je beendetem Lauf, nach Ergebnis gefärbt, der gleitende Median der Dauer und die wöchentliche Erfolgsquote</translation>
    </message>
    <message>
        <source>Deployments per ISO week, stacked per environment</source>
        <translation>Bereitstellungen je ISO-Woche, nach Umgebung gestapelt</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>Bereitstellungen</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>Als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren…</translation>
    </message>
</context>
<context>
    <name>EnvDeck::TimelineTab</name>
    <message>
        <source>Reading the history</source>
        <translation>Verlauf wird gelesen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>The demo&apos;s pipeline runs could not be made: %1</source>
        <translation>Die Pipeline-Läufe der Demo konnten nicht erzeugt werden: %1</translation>
    </message>
    <message>
        <source>Demo data: these pipeline runs are generated from the demo repository&apos;s commits; no CI server was asked.</source>
        <translation>Demodaten: Diese Pipeline-Läufe wurden aus den Commits des Demo-Repositorys erzeugt; es wurde kein CI-Server abgefragt.</translation>
    </message>
    <message>
        <source>Reading the deployment history from Git…</source>
        <translation>Bereitstellungsverlauf wird aus Git gelesen…</translation>
    </message>
    <message>
        <source>Cancelled: the timelines show what was read before.</source>
        <translation>Abgebrochen: Die Zeitachsen zeigen den zuvor gelesenen Stand.</translation>
    </message>
    <message>
        <source>The deployment history could not be read: %1</source>
        <translation>Der Bereitstellungsverlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Files in the history that could not be read: %1; the first: %2</source>
        <translation>Nicht lesbare Dateien im Verlauf: %1; die erste: %2</translation>
    </message>
    <message>
        <source>Reading the pipeline runs…</source>
        <translation>Pipeline-Läufe werden gelesen…</translation>
    </message>
    <message>
        <source>No pipeline runs: name the CI provider in .envdeck.yaml (pipelines: { provider: azure-devops, organization: …, project: … }) to chart them.</source>
        <translation>Keine Pipeline-Läufe: Geben Sie den CI-Anbieter in .envdeck.yaml an (pipelines: { provider: azure-devops, organization: …, project: … }), um sie darzustellen.</translation>
    </message>
    <message>
        <source>Pipeline runs: %1</source>
        <translation>Pipeline-Läufe: %1</translation>
    </message>
    <message>
        <source>Pipeline runs from %1, read just now.</source>
        <translation>Pipeline-Läufe von %1, soeben gelesen.</translation>
    </message>
    <message>
        <source>Offline: pipeline runs as read from %1 %2 (%3).</source>
        <translation>Offline: Pipeline-Läufe, wie sie %2 von %1 gelesen wurden (%3).</translation>
    </message>
    <message>
        <source>The pipeline runs could not be read from %1: %2</source>
        <translation>Die Pipeline-Läufe konnten nicht von %1 gelesen werden: %2</translation>
    </message>
    <message>
        <source>Deployment events: %1 · pipeline runs: %2</source>
        <translation>Bereitstellungsereignisse: %1 · Pipeline-Läufe: %2</translation>
    </message>
    <message>
        <source>Commit %1 by %2, %3</source>
        <translation>Commit %1 von %2, %3</translation>
    </message>
    <message>
        <source> (merge request %1)</source>
        <translation> (Merge Request %1)</translation>
    </message>
    <message>
        <source>Commit %1</source>
        <translation>Commit %1</translation>
    </message>
    <message>
        <source>This commit changes no file.</source>
        <translation>Dieser Commit ändert keine Datei.</translation>
    </message>
    <message>
        <source>The changes of this commit cannot be shown: %1</source>
        <translation>Die Änderungen dieses Commits können nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Timelines</source>
        <translation>Zeitachsen</translation>
    </message>
    <message>
        <source>Re&amp;fresh Timelines</source>
        <translation>Zeitachsen &amp;aktualisieren</translation>
    </message>
    <message>
        <source>Read the deployment history and the pipeline runs again (Ctrl+F5)</source>
        <translation>Bereitstellungsverlauf und Pipeline-Läufe erneut einlesen (Strg+F5)</translation>
    </message>
</context>
<context>
    <name>EnvDeck::Validation::FindingListModel</name>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Tipp: %1</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Fundstelle</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
</context>
<context>
    <name>EnvDeck::VersionMatrixDelegate</name>
    <message>
        <source>Version of %1 in %2</source>
        <translation>Version von %1 in %2</translation>
    </message>
</context>
<context>
    <name>EnvDeck::VersionMatrixModel</name>
    <message>
        <source>ahead of production</source>
        <translation>der Produktion voraus</translation>
    </message>
    <message>
        <source>behind staging</source>
        <translation>hinter Staging zurück</translation>
    </message>
    <message>
        <source>production environments differ</source>
        <translation>Produktionsumgebungen weichen voneinander ab</translation>
    </message>
    <message>
        <source>differs from its base environment</source>
        <translation>weicht von der Basisumgebung ab</translation>
    </message>
    <message>
        <source>%1 does not run %2</source>
        <translation>%2 läuft nicht in %1</translation>
    </message>
    <message>
        <source>%1 %2 in %3</source>
        <translation>%1 %2 in %3</translation>
    </message>
    <message>
        <source>Locked: %1</source>
        <translation>Gesperrt: %1</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>keine Begründung angegeben</translation>
    </message>
    <message>
        <source>Skew: %1</source>
        <translation>Abweichung: %1</translation>
    </message>
    <message>
        <source>Unsaved edit</source>
        <translation>Nicht gespeicherte Änderung</translation>
    </message>
    <message>
        <source>%1 in %2: %3%4</source>
        <translation>%1 in %2: %3%4</translation>
    </message>
    <message>
        <source>, locked</source>
        <translation>, gesperrt</translation>
    </message>
    <message>
        <source>%1 in %2: not deployed</source>
        <translation>%1 in %2: nicht bereitgestellt</translation>
    </message>
    <message>
        <source>based on %1</source>
        <translation>basiert auf %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (third-party chart)</source>
        <translation>%1 (Chart eines Drittanbieters)</translation>
    </message>
    <message>
        <source>%1 (written in Terraform files)</source>
        <translation>%1 (in Terraform-Dateien geschrieben)</translation>
    </message>
</context>
<context>
    <name>EnvDeck::VersionMatrixView</name>
    <message>
        <source>Filter components</source>
        <translation>Komponenten filtern</translation>
    </message>
    <message>
        <source>&amp;Locked</source>
        <translation>&amp;Gesperrt</translation>
    </message>
    <message>
        <source>S&amp;kewed</source>
        <translation>Ab&amp;weichend</translation>
    </message>
    <message>
        <source>With &amp;problems</source>
        <translation>Mit &amp;Problemen</translation>
    </message>
    <message>
        <source>Third-party charts</source>
        <translation>Drittanbieter-Charts</translation>
    </message>
    <message>
        <source>All components</source>
        <translation>Alle Komponenten</translation>
    </message>
    <message>
        <source>Without third-party</source>
        <translation>Ohne Drittanbieter</translation>
    </message>
    <message>
        <source>Third-party only</source>
        <translation>Nur Drittanbieter</translation>
    </message>
    <message>
        <source>Skew:</source>
        <translation>Abweichung:</translation>
    </message>
    <message>
        <source>staging ahead</source>
        <translation>Staging voraus</translation>
    </message>
    <message>
        <source>production behind</source>
        <translation>Produktion im Rückstand</translation>
    </message>
    <message>
        <source>productions differ</source>
        <translation>Produktionen weichen ab</translation>
    </message>
    <message>
        <source>differs from base</source>
        <translation>weicht von Basis ab</translation>
    </message>
    <message>
        <source>Bold • = unsaved edit</source>
        <translation>Fett • = nicht gespeicherte Änderung</translation>
    </message>
    <message>
        <source>Version matrix</source>
        <translation>Versionsmatrix</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Save Versions</source>
        <translation>&amp;Versionen speichern</translation>
    </message>
    <message>
        <source>Write the edited versions files (atomically)</source>
        <translation>Die bearbeiteten Versionsdateien schreiben (atomar)</translation>
    </message>
    <message>
        <source>&amp;Lock…</source>
        <translation>&amp;Sperren…</translation>
    </message>
    <message>
        <source>Keep this component&apos;s version where it is, with a reason</source>
        <translation>Die Version dieser Komponente mit einer Begründung auf ihrem Stand festhalten</translation>
    </message>
    <message>
        <source>U&amp;nlock…</source>
        <translation>&amp;Entsperren…</translation>
    </message>
    <message>
        <source>Open &amp;File at Version</source>
        <translation>&amp;Datei an der Versionsstelle öffnen</translation>
    </message>
    <message>
        <source>Reading versions…</source>
        <translation>Versionen werden gelesen…</translation>
    </message>
    <message>
        <source>Validating…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Unsaved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Cannot read the versions: %1</source>
        <translation>Die Versionen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 has no versions file to edit</source>
        <translation>%1 hat keine bearbeitbare Versionsdatei</translation>
    </message>
    <message>
        <source>Set %1 to %2 in %3</source>
        <translation>%1 in %3 auf %2 setzen</translation>
    </message>
    <message>
        <source>Cannot change the version</source>
        <translation>Die Version kann nicht geändert werden</translation>
    </message>
    <message>
        <source>Lock %1 in %2: %3</source>
        <translation>%1 in %2 sperren: %3</translation>
    </message>
    <message>
        <source>Cannot lock</source>
        <translation>Sperren nicht möglich</translation>
    </message>
    <message>
        <source>Unlock %1 in %2: %3</source>
        <translation>%1 in %2 entsperren: %3</translation>
    </message>
    <message>
        <source>Cannot unlock</source>
        <translation>Entsperren nicht möglich</translation>
    </message>
    <message>
        <source>Lock %1 in %2</source>
        <translation>%1 in %2 sperren</translation>
    </message>
    <message>
        <source>Why must %1 stay at %2?</source>
        <translation>Warum muss %1 auf %2 bleiben?</translation>
    </message>
    <message>
        <source>A lock needs a reason, so others know when it may be lifted.</source>
        <translation>Eine Sperre braucht eine Begründung, damit andere wissen, wann sie aufgehoben werden darf.</translation>
    </message>
    <message>
        <source>Unlock %1 in %2</source>
        <translation>%1 in %2 entsperren</translation>
    </message>
    <message>
        <source>Locked because: %1
Why may it change now?</source>
        <translation>Gesperrt mit der Begründung: %1
Warum darf die Version jetzt geändert werden?</translation>
    </message>
    <message>
        <source>Say why the lock may be lifted.</source>
        <translation>Geben Sie an, warum die Sperre aufgehoben werden darf.</translation>
    </message>
    <message>
        <source>Save with errors?</source>
        <translation>Trotz Fehlern speichern?</translation>
    </message>
    <message>
        <source>Validation reports 1 error. Save the versions files anyway?</source>
        <translation>Die Prüfung meldet 1 Fehler. Die Versionsdateien trotzdem speichern?</translation>
    </message>
    <message>
        <source>Validation reports %1 errors. Save the versions files anyway?</source>
        <translation>Die Prüfung meldet %1 Fehler. Die Versionsdateien trotzdem speichern?</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>Unsaved versions</source>
        <translation>Nicht gespeicherte Versionen</translation>
    </message>
    <message>
        <source>The versions of %1 have unsaved edits. Save them?</source>
        <translation>Die Versionen von %1 enthalten nicht gespeicherte Änderungen. Möchten Sie sie speichern?</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>Datei auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>%1 was changed outside EnvDeck, and you have unsaved edits in it.

Reload it from disk (your edits are lost), or keep your edits (saving will replace the other change)?</source>
        <translation>%1 wurde außerhalb von EnvDeck geändert, und Sie haben darin nicht gespeicherte Änderungen.

Datei von der Festplatte neu laden (Ihre Änderungen gehen verloren) oder Ihre Änderungen behalten (beim Speichern wird die andere Änderung überschrieben)?</translation>
    </message>
    <message>
        <source>%1 changed on disk; your edits were kept</source>
        <translation>%1 wurde auf der Festplatte geändert; Ihre Änderungen wurden beibehalten</translation>
    </message>
    <message>
        <source>Cannot reload %1</source>
        <translation>%1 kann nicht neu geladen werden</translation>
    </message>
    <message>
        <source>Reloaded %1 from disk</source>
        <translation>%1 von der Festplatte neu geladen</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>&amp;Change Version…</source>
        <translation>&amp;Version ändern…</translation>
    </message>
</context>
<context>
    <name>EnvDeck::WelcomePage</name>
    <message>
        <source>EnvDeck logo</source>
        <translation>EnvDeck-Logo</translation>
    </message>
    <message>
        <source>Welcome to EnvDeck</source>
        <translation>Willkommen bei EnvDeck</translation>
    </message>
    <message>
        <source>See, validate and promote the environments of a Terraform repository kept in Git.</source>
        <translation>Umgebungen eines in Git verwalteten Terraform-Repositorys einsehen, prüfen und hochstufen.</translation>
    </message>
    <message>
        <source>Open Repository…</source>
        <translation>Repository öffnen…</translation>
    </message>
    <message>
        <source>Open a local clone of a Terraform repository</source>
        <translation>Einen lokalen Klon eines Terraform-Repositorys öffnen</translation>
    </message>
    <message>
        <source>Open Demo</source>
        <translation>Demo öffnen</translation>
    </message>
    <message>
        <source>Create a realistic demo repository on this computer and open it</source>
        <translation>Ein realistisches Demo-Repository auf diesem Computer anlegen und öffnen</translation>
    </message>
    <message>
        <source>Recent repositories</source>
        <translation>Zuletzt geöffnete Repositorys</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (nicht gefunden)</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>%1 does not exist any more</source>
        <translation>%1 existiert nicht mehr</translation>
    </message>
</context>
<context>
    <name>MoveNodeCommand</name>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Unknown environment &quot;%1&quot;; the repository has: %2</source>
        <translation>Unbekannte Umgebung „%1“; das Repository enthält: %2</translation>
    </message>
    <message>
        <source>Environment &quot;%1&quot; has no versions file</source>
        <translation>Umgebung „%1“ hat keine Versionsdatei</translation>
    </message>
    <message>
        <source>--lock needs --reason: say why it is locked</source>
        <translation>--lock erfordert --reason: Geben Sie an, warum gesperrt wird</translation>
    </message>
    <message>
        <source>--unlock needs --reason: say why it may change</source>
        <translation>--unlock erfordert --reason: Geben Sie an, warum die Version geändert werden darf</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 has no component &quot;%2&quot;; it has: %3</source>
        <translation>%1 hat keine Komponente „%2“; vorhanden sind: %3</translation>
    </message>
    <message>
        <source>%1 is locked in %2 (%3). Nothing was changed; pass --unlock --reason R to change it.</source>
        <translation>%1 ist in %2 gesperrt (%3). Es wurde nichts geändert; übergeben Sie --unlock --reason R, um die Version zu ändern.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>keine Begründung angegeben</translation>
    </message>
    <message>
        <source>Nothing to change: %1 in %2 is already %3%4</source>
        <translation>Nichts zu ändern: %1 in %2 steht bereits auf %3%4</translation>
    </message>
    <message>
        <source>, locked</source>
        <translation>, gesperrt</translation>
    </message>
    <message>
        <source>, unlocked</source>
        <translation>, entsperrt</translation>
    </message>
    <message>
        <source>Nothing to change: %1 in %2 is already at %3</source>
        <translation>Nichts zu ändern: %1 in %2 steht bereits auf %3</translation>
    </message>
    <message>
        <source>Recorded %1 locally, but could not share it</source>
        <translation>%1 wurde lokal erfasst, konnte aber nicht geteilt werden</translation>
    </message>
    <message>
        <source>Merged %1 locally, but could not share it</source>
        <translation>%1 wurde lokal gemergt, konnte aber nicht geteilt werden</translation>
    </message>
    <message>
        <source>Cannot open repository %1</source>
        <translation>Repository %1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>the record has no %1</source>
        <translation>im Datensatz fehlt %1</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>There is no local merge request %1 (%2)</source>
        <translation>Es gibt keinen lokalen Merge Request %1 (%2)</translation>
    </message>
    <message>
        <source>local %1</source>
        <translation>lokal %1</translation>
    </message>
    <message>
        <source>%1: unknown state &quot;%2&quot;</source>
        <translation>%1: unbekannter Status „%2“</translation>
    </message>
    <message>
        <source>Cannot write the merge request record</source>
        <translation>Der Merge-Request-Datensatz kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Cannot read the previous state of the record</source>
        <translation>Der vorherige Stand des Datensatzes kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Invalid identity &quot;%1 &lt;%2&gt;&quot;</source>
        <translation>Ungültige Identität „%1 &lt;%2&gt;“</translation>
    </message>
    <message>
        <source>Cannot update %1 (was it changed meanwhile?)</source>
        <translation>%1 kann nicht aktualisiert werden (zwischenzeitlich geändert?)</translation>
    </message>
    <message>
        <source>Branch &quot;%1&quot; does not exist</source>
        <translation>Branch „%1“ existiert nicht</translation>
    </message>
    <message>
        <source>The source and target branch are both &quot;%1&quot;</source>
        <translation>Quell- und Ziel-Branch sind beide „%1“</translation>
    </message>
    <message>
        <source>Cannot read HEAD</source>
        <translation>HEAD kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The work tree has uncommitted changes to files this merge changes; commit or discard them first</source>
        <translation>Das Arbeitsverzeichnis enthält nicht committete Änderungen an Dateien, die dieser Merge ändert; committen oder verwerfen Sie sie zuerst</translation>
    </message>
    <message>
        <source>Nothing to merge: &quot;%1&quot; already contains every commit of &quot;%2&quot;</source>
        <translation>Nichts zu mergen: „%1“ enthält bereits jeden Commit von „%2“</translation>
    </message>
    <message>
        <source>Cannot read the branches to merge</source>
        <translation>Die zu mergenden Branches können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot merge &quot;%1&quot; into &quot;%2&quot;</source>
        <translation>„%1“ kann nicht in „%2“ gemergt werden</translation>
    </message>
    <message>
        <source>Merging &quot;%1&quot; into &quot;%2&quot; conflicts in %3. Rebase the branch onto &quot;%2&quot; and resolve the conflicts first.</source>
        <translation>Der Merge von „%1“ in „%2“ führt zu Konflikten in %3. Führen Sie zuerst einen Rebase des Branches auf „%2“ durch und lösen Sie die Konflikte.</translation>
    </message>
    <message>
        <source>Cannot write the merged tree</source>
        <translation>Der gemergte Tree kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Cannot write the merge commit</source>
        <translation>Der Merge-Commit kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Cannot move &quot;%1&quot; (was it changed meanwhile?)</source>
        <translation>„%1“ kann nicht verschoben werden (zwischenzeitlich geändert?)</translation>
    </message>
    <message>
        <source>Local (git only)</source>
        <translation>Lokal (nur Git)</translation>
    </message>
    <message>
        <source>Local merge request %1 is already merged</source>
        <translation>Der lokale Merge Request %1 ist bereits gemergt</translation>
    </message>
    <message>
        <source>Local merge request %1 is already closed</source>
        <translation>Der lokale Merge Request %1 ist bereits geschlossen</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>EnvDeck diagram</source>
        <translation>EnvDeck-Diagramm</translation>
    </message>
    <message>
        <source>Environment %1 compared with %2</source>
        <translation>Umgebung %1 im Vergleich mit %2</translation>
    </message>
    <message>
        <source>Environment %1</source>
        <translation>Umgebung %1</translation>
    </message>
    <message>
        <source>Nothing to export: the diagram is empty.</source>
        <translation>Nichts zu exportieren: Das Diagramm ist leer.</translation>
    </message>
    <message>
        <source>Invalid export scale %1.</source>
        <translation>Ungültiger Exportmaßstab %1.</translation>
    </message>
    <message>
        <source>The image would be %1 × %2 pixels; export a smaller part or use SVG.</source>
        <translation>Das Bild wäre %1 × %2 Pixel groß; exportieren Sie einen kleineren Ausschnitt oder verwenden Sie SVG.</translation>
    </message>
    <message>
        <source>Not enough memory for a %1 × %2 image.</source>
        <translation>Nicht genug Speicher für ein Bild mit %1 × %2 Pixeln.</translation>
    </message>
    <message>
        <source>Cannot encode the PNG image for %1.</source>
        <translation>Das PNG-Bild für %1 kann nicht kodiert werden.</translation>
    </message>
    <message>
        <source>Exported by EnvDeck from %1</source>
        <translation>Von EnvDeck aus %1 exportiert</translation>
    </message>
    <message>
        <source>Cannot start the SVG export for %1.</source>
        <translation>Der SVG-Export für %1 kann nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Nothing to export: there is no diagram.</source>
        <translation>Nichts zu exportieren: Es gibt kein Diagramm.</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Helm release</source>
        <translation>Helm-Release</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Config map</source>
        <translation>ConfigMap</translation>
    </message>
    <message>
        <source>Module %1 and the modules it calls</source>
        <translation>Modul %1 und die von ihm aufgerufenen Module</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Multiplicity</source>
        <translation>Multiplizität</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Declared at</source>
        <translation>Deklariert in</translation>
    </message>
    <message>
        <source>Locked: %1</source>
        <translation>Gesperrt: %1</translation>
    </message>
    <message>
        <source>source %1</source>
        <translation>Quelle %1</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>%1 would not read back as the decision</source>
        <translation>%1 ließe sich nicht als Entscheidung zurücklesen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an environment name</source>
        <translation>„%1“ ist kein Umgebungsname</translation>
    </message>
    <message>
        <source>A rejection needs a comment: say what QA found</source>
        <translation>Eine Ablehnung braucht einen Kommentar: Beschreiben Sie, was die QA gefunden hat</translation>
    </message>
    <message>
        <source>Who decides? Set your name and e-mail (git config user.name and user.email)</source>
        <translation>Wer entscheidet? Setzen Sie Ihren Namen und Ihre E-Mail-Adresse (git config user.name und user.email)</translation>
    </message>
    <message>
        <source>%1 has no versions to decide on</source>
        <translation>%1 hat keine Versionen, über die entschieden werden kann</translation>
    </message>
    <message>
        <source>%1 was removed since the change was planned</source>
        <translation>%1 wurde entfernt, seit die Änderung geplant wurde</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 ist keine Datei</translation>
    </message>
    <message>
        <source>%1 already exists</source>
        <translation>%1 existiert bereits</translation>
    </message>
    <message>
        <source>%1 changed on disk since the change was planned</source>
        <translation>%1 wurde auf der Festplatte geändert, seit die Änderung geplant wurde</translation>
    </message>
    <message>
        <source>No path to write %1 to</source>
        <translation>Kein Pfad, um %1 zu schreiben</translation>
    </message>
    <message>
        <source>; nothing was written</source>
        <translation>; es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>; the files written before it were put back</source>
        <translation>; die zuvor geschriebenen Dateien wurden wiederhergestellt</translation>
    </message>
    <message>
        <source>; these files could not be put back: %1</source>
        <translation>; diese Dateien konnten nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>%1 is locked in %2 (%3)</source>
        <translation>%1 ist in %2 gesperrt (%3)</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source> (never approved)</source>
        <translation> (nie freigegeben)</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>(never approved)</source>
        <translation>(nie freigegeben)</translation>
    </message>
    <message>
        <source>Based on %1.</source>
        <translation>Grundlage: %1.</translation>
    </message>
    <message>
        <source>Already at these versions in %1: %2.</source>
        <translation>Bereits auf diesen Versionen in %1: %2.</translation>
    </message>
    <message>
        <source>**Override:** %1</source>
        <translation>**Übersteuerung:** %1</translation>
    </message>
    <message>
        <source>Never approved: %1.</source>
        <translation>Nie freigegeben: %1.</translation>
    </message>
    <message>
        <source>**Validation:** no new findings.</source>
        <translation>**Validierung:** keine neuen Befunde.</translation>
    </message>
    <message>
        <source>**Validation:** new findings with this change:</source>
        <translation>**Validierung:** neue Befunde mit dieser Änderung:</translation>
    </message>
    <message>
        <source>Override: %1</source>
        <translation>Übersteuerung: %1</translation>
    </message>
    <message>
        <source>%1 does not take promotions from %2: .envdeck.yaml gives it no `promotes_from`</source>
        <translation>%1 übernimmt keine Hochstufungen aus %2: .envdeck.yaml gibt kein `promotes_from` an</translation>
    </message>
    <message>
        <source>%1 does not take promotions from %2; it promotes from %3</source>
        <translation>%1 übernimmt keine Hochstufungen aus %2; es wird aus %3 hochgestuft</translation>
    </message>
    <message>
        <source>Name at least one environment to promote to</source>
        <translation>Nennen Sie mindestens eine Zielumgebung für die Hochstufung</translation>
    </message>
    <message>
        <source>%1 has no QA approval: approve it first, or give an override reason to promote versions nobody approved</source>
        <translation>%1 hat keine QA-Freigabe: Geben Sie sie zuerst frei, oder nennen Sie einen Übersteuerungsgrund, um nie freigegebene Versionen hochzustufen</translation>
    </message>
    <message>
        <source>%1 cannot be promoted to itself</source>
        <translation>%1 kann nicht in sich selbst hochgestuft werden</translation>
    </message>
    <message>
        <source>The base &quot;%1&quot; of %2 is not an environment</source>
        <translation>Die Basis „%1“ von %2 ist keine Umgebung</translation>
    </message>
    <message>
        <source>the QA approval %1 of %2</source>
        <translation>die QA-Freigabe %1 von %2</translation>
    </message>
    <message>
        <source>Promote %1 from %2 to %3</source>
        <translation>%1 von %2 nach %3 hochstufen</translation>
    </message>
    <message>
        <source>the versions %1 runs now (its last approval, %2, is stale)</source>
        <translation>die Versionen, die %1 jetzt ausführt (seine letzte Freigabe, %2, ist veraltet)</translation>
    </message>
    <message>
        <source>the versions %1 runs now (it has no approval)</source>
        <translation>die Versionen, die %1 jetzt ausführt (es hat keine Freigabe)</translation>
    </message>
    <message>
        <source>Promote %1 to %2</source>
        <translation>%1 nach %2 hochstufen</translation>
    </message>
    <message>
        <source>Nothing to promote: the versions of %1 are already in %2</source>
        <translation>Nichts hochzustufen: Die Versionen von %1 sind bereits in %2</translation>
    </message>
    <message>
        <source>Nothing to promote: what %1 runs now is already in %2</source>
        <translation>Nichts hochzustufen: Was %1 jetzt ausführt, ist bereits in %2</translation>
    </message>
    <message>
        <source>Never approved in %1: %2. Nothing was changed; approve %1 first, or give an override reason.</source>
        <translation>Nie freigegeben in %1: %2. Es wurde nichts geändert; geben Sie %1 zuerst frei, oder nennen Sie einen Übersteuerungsgrund.</translation>
    </message>
    <message>
        <source>%1 changed since its last approval %2: that set was never approved as a whole. Nothing was changed; approve %1 again, or give an override reason.</source>
        <translation>%1 hat sich seit seiner letzten Freigabe %2 geändert: Dieser Stand wurde nie als Ganzes freigegeben. Es wurde nichts geändert; geben Sie %1 erneut frei, oder nennen Sie einen Übersteuerungsgrund.</translation>
    </message>
    <message>
        <source>. Nothing was changed; unlock it first or leave it out of the promotion.</source>
        <translation>. Es wurde nichts geändert; entsperren Sie sie zuerst oder lassen Sie sie aus der Hochstufung heraus.</translation>
    </message>
    <message>
        <source>Cannot read the deployment history</source>
        <translation>Der Bereitstellungsverlauf kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Smoke tests pass</source>
        <translation>Smoke-Tests bestanden</translation>
    </message>
    <message>
        <source>Regression tests pass</source>
        <translation>Regressionstests bestanden</translation>
    </message>
    <message>
        <source>Integrations checked end to end</source>
        <translation>Integrationen durchgängig geprüft</translation>
    </message>
    <message>
        <source>No open P1 incidents on this environment</source>
        <translation>Keine offenen P1-Vorfälle in dieser Umgebung</translation>
    </message>
    <message>
        <source>Release notes reviewed</source>
        <translation>Release Notes geprüft</translation>
    </message>
    <message>
        <source>Name the environment to roll back</source>
        <translation>Nennen Sie die Umgebung, die zurückgesetzt werden soll</translation>
    </message>
    <message>
        <source>Name the approval or the git revision to roll %1 back to</source>
        <translation>Nennen Sie die Freigabe oder die Git-Revision, auf die %1 zurückgesetzt werden soll</translation>
    </message>
    <message>
        <source>%1 is a rejection, not an approval: %2 cannot be rolled back to it</source>
        <translation>%1 ist eine Ablehnung, keine Freigabe: %2 kann nicht darauf zurückgesetzt werden</translation>
    </message>
    <message>
        <source>Roll %1 back to %2</source>
        <translation>%1 auf %2 zurücksetzen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither an approval of %2 nor a git revision (%3)</source>
        <translation>„%1“ ist weder eine Freigabe von %2 noch eine Git-Revision (%3)</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>%1 did not exist at %2</source>
        <translation>%1 existierte bei %2 nicht</translation>
    </message>
    <message>
        <source>the versions of %1 at %2 (commit %3)</source>
        <translation>die Versionen von %1 bei %2 (Commit %3)</translation>
    </message>
    <message>
        <source>. Nothing was changed; unlock it first.</source>
        <translation>. Es wurde nichts geändert; entsperren Sie sie zuerst.</translation>
    </message>
    <message>
        <source>Nothing to roll back: %1 already runs the versions of %2</source>
        <translation>Nichts zurückzusetzen: %1 führt bereits die Versionen von %2 aus</translation>
    </message>
    <message>
        <source>No pipeline run deployed to %1 yet</source>
        <translation>Noch kein Pipeline-Lauf hat nach %1 deployt</translation>
    </message>
    <message>
        <source>No pipeline provider in .envdeck.yaml</source>
        <translation>Kein Pipeline-Anbieter in .envdeck.yaml</translation>
    </message>
    <message>
        <source>No pipeline run deployed to %1 in the cached runs</source>
        <translation>Kein zwischengespeicherter Pipeline-Lauf hat nach %1 deployt</translation>
    </message>
    <message>
        <source>Pipeline runs were never read: open the Timelines tab to read them</source>
        <translation>Pipeline-Läufe wurden noch nie gelesen: öffnen Sie den Tab „Zeitleisten“, um sie zu lesen</translation>
    </message>
    <message>
        <source>Cannot put these files back as they were: %1; restore them by hand</source>
        <translation>Diese Dateien lassen sich nicht wiederherstellen: %1; stellen Sie sie von Hand wieder her</translation>
    </message>
</context>
</TS>
